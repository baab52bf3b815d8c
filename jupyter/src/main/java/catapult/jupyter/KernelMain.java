package catapult.jupyter;

import java.nio.file.Files;
import java.nio.file.Path;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;

/**
 * Entry point a Jupyter client starts (see {@link KernelSpec#argv}): reads the connection file,
 * binds the kernel's sockets and serves until a shutdown request. SIGINT interrupts the running
 * cell instead of ending the JVM.
 */
public final class KernelMain {
    private KernelMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: catapult jupyter kernel CONNECTION_FILE");
            System.exit(64);
        }
        System.exit(serve(Path.of(args[0])));
    }

    static int serve(Path connectionFile) throws Exception {
        KernelConnectionProperties props = KernelConnectionProperties.parse(Files.readString(connectionFile));
        CatapultKernel kernel = new CatapultKernel();
        interruptOnSigint(kernel);
        JupyterConnection connection = new JupyterConnection(props);
        kernel.becomeHandlerForConnection(connection);
        kernel.onStartup();
        connection.connect();
        connection.waitUntilClose();
        return 0;
    }

    @SuppressWarnings("restriction")
    private static void interruptOnSigint(CatapultKernel kernel) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), signal -> kernel.interrupt());
        } catch (IllegalArgumentException unsupported) {
            // no SIGINT on this platform: interrupt_request messages still work
        }
    }
}
