package catapult.spark;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The master URL each stands for, and a quick check that a
 * standalone master can be reached, so a wrong URL fails in seconds with a clear message rather
 * than after Spark's minute of registration retries.
 */
final class MasterUrls {
    /** How long the reachability check waits for each master. */
    static final int CONNECT_TIMEOUT_MILLIS = 5000;

    private MasterUrls() {}

    /** The master URL for {@code on}: "spark" is local mode on every core. */
    static String master(String on) {
        return on.equals("spark") ? "local[*]" : on;
    }

    static boolean isLocal(String master) {
        return master.equals("local") || master.startsWith("local[");
    }

    /** Throws IllegalArgumentException naming the master when a spark:// master does not answer. */
    static void checkReachable(String master) {
        if (!master.startsWith("spark://")) return;
        for (String hostPort : master.substring("spark://".length()).split(",")) {
            InetSocketAddress address = address(master, hostPort);
            try (Socket s = new Socket()) {
                s.connect(address, CONNECT_TIMEOUT_MILLIS);
                return;
            } catch (IOException e) {
                if (!hostPort.equals(lastOf(master))) continue;
                throw new IllegalArgumentException("cannot reach the Spark master at " + master + " (" + describe(e)
                        + "); is the master running, and is the URL the one its log shows?");
            }
        }
    }

    /** True when every host of a spark:// master is this machine (the driver then listens on loopback too). */
    static boolean onLoopback(String master) {
        if (!master.startsWith("spark://")) return false;
        List<Boolean> loopback = new ArrayList<>();
        for (String hostPort : master.substring("spark://".length()).split(",")) {
            try {
                loopback.add(InetAddress.getByName(URI.create("spark://" + hostPort).getHost()).isLoopbackAddress());
            } catch (IOException | IllegalArgumentException e) {
                loopback.add(false);
            }
        }
        return !loopback.contains(false);
    }

    private static InetSocketAddress address(String master, String hostPort) {
        URI uri;
        try {
            uri = URI.create("spark://" + hostPort);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + master + "' is not a Spark master URL (spark://host:port)");
        }
        if (uri.getHost() == null || uri.getPort() < 0) {
            throw new IllegalArgumentException("'" + master + "' is not a Spark master URL: give host and port, e.g. spark://host:7077");
        }
        return new InetSocketAddress(uri.getHost(), uri.getPort());
    }

    private static String lastOf(String master) {
        String[] parts = master.substring("spark://".length()).split(",");
        return parts[parts.length - 1];
    }

    private static String describe(IOException e) {
        if (e instanceof java.net.UnknownHostException) return "unknown host " + e.getMessage();
        if (e instanceof java.net.SocketTimeoutException) return "no answer within " + CONNECT_TIMEOUT_MILLIS / 1000 + " s";
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
