package catapult.lang.builtins;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.bytedeco.javacpp.Pointer;

/**
 * The one place that decides whether an allocation a user's arguments ask for fits in memory,
 * checked before it is made: a user who types {@code zeros(1e5, 1e5)} gets a positioned error
 * naming the size, never an {@code OutOfMemoryError}, a native {@code bad_alloc} or a machine
 * that swaps for minutes. Built-ins call it through {@link Args#requireMemory}; file readers
 * call {@link #check} directly with the sizes a file's header declares.
 *
 * <p>What "fits" means: the smallest of the Java heap's headroom, the process's resident memory
 * limit (JavaCPP's maxPhysicalBytes, 4 x the heap by default; ND4J keeps tensors outside the
 * heap, and their bytes show only in the resident size) less the resident size, and the memory
 * the operating system reports available. Requests below {@link #UNCHECKED_BYTES} are always
 * allowed.
 */
public final class MemoryBudget {
    /** Requests smaller than this are not checked (looking costs more than they do). */
    public static final long UNCHECKED_BYTES = 64L << 20;
    /** The longest Java array; engines that copy through Java arrays cannot hold more elements. */
    public static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    private MemoryBudget() {}

    /**
     * Null when {@code bytes} fit, else the reason, e.g. "3e9 floats need 12 GB, more than the
     * 5.8 GB this JVM can use". {@code what} names what would be allocated.
     */
    public static String check(String what, double bytes) {
        if (!(bytes >= 0)) bytes = Double.POSITIVE_INFINITY;
        if (bytes < UNCHECKED_BYTES) return null;
        long available = available();
        if (bytes <= available) return null;
        System.gc();
        available = available();
        if (bytes <= available) return null;
        return what + " need" + " " + size(bytes) + ", more than the " + size(available) + " this JVM can use";
    }

    /** Like {@link #check} but throws IllegalArgumentException with the reason. */
    public static void require(String what, double bytes) {
        String problem = check(what, bytes);
        if (problem != null) throw new IllegalArgumentException(problem);
    }

    /** Bytes this JVM can still allocate (see the class comment). */
    public static long available() {
        Runtime rt = Runtime.getRuntime();
        long heap = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        long max = Pointer.maxPhysicalBytes();
        long resident = max > 0 ? max - Pointer.physicalBytes() : Long.MAX_VALUE;
        return Math.max(0, Math.min(Math.min(heap, resident), systemAvailable()));
    }

    /** MemAvailable from /proc/meminfo, capped by a cgroup v2 limit; Long.MAX_VALUE when unknown. */
    static long systemAvailable() {
        long avail = Long.MAX_VALUE;
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemAvailable:")) {
                    avail = Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
            Path limit = Path.of("/sys/fs/cgroup/memory.max");
            Path current = Path.of("/sys/fs/cgroup/memory.current");
            if (Files.isReadable(limit) && Files.isReadable(current)) {
                String max = Files.readString(limit).trim();
                if (!max.equals("max")) {
                    long free = Long.parseLong(max) - Long.parseLong(Files.readString(current).trim());
                    avail = Math.min(avail, free);
                }
            }
        } catch (IOException | RuntimeException e) {
            return avail;
        }
        return avail;
    }

    /** "12 GB", "640 MB", "3.4 kB": a byte count for messages. */
    public static String size(double bytes) {
        String[] units = {"bytes", "kB", "MB", "GB", "TB", "PB", "EB"};
        int u = 0;
        double v = bytes;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        if (Double.isInfinite(v)) return "more than " + units.length + " EB";
        return (u == 0 ? String.valueOf((long) v) : trim(String.format(Locale.ROOT, v < 10 ? "%.1f" : "%.0f", v))) + " " + units[u];
    }

    /** A count as users write it: "1000", "1e9", "2.5e10". */
    public static String count(double n) {
        if (n < 1e6 && n == Math.rint(n)) return String.valueOf((long) n);
        int exp = (int) Math.floor(Math.log10(n));
        String mantissa = trim(String.format(Locale.ROOT, "%.2f", n / Math.pow(10, exp)));
        if (mantissa.equals("10")) {
            mantissa = "1";
            exp++;
        }
        return mantissa + "e" + exp;
    }

    /** "3e9 x 1": a shape for messages. */
    public static String shape(double... dims) {
        StringBuilder s = new StringBuilder();
        for (double d : dims) s.append(s.length() == 0 ? "" : " x ").append(count(d));
        return s.toString();
    }

    private static String trim(String number) {
        return number.contains(".") ? number.replaceAll("0+$", "").replaceAll("\\.$", "") : number;
    }
}
