package catapult.jupyter;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code catapult jupyter ...}: {@code install [--user | --prefix DIR]} writes the kernelspec,
 * {@code kernel CONNECTION_FILE} runs the kernel. The CLI finds this class on the class path,
 * so the REPL and scripts never load it.
 */
public final class JupyterCommand {
    static final int EX_USAGE = 64, EX_CANTCREAT = 73;

    private JupyterCommand() {}

    public static String usage() {
        return String.join("\n",
                "usage:",
                "  catapult jupyter install [--user | --prefix DIR]",
                "      write the `catapult` kernelspec: to the user's Jupyter data dir (default, --user),",
                "      or to DIR/share/jupyter/kernels (--prefix, e.g. a virtual environment)",
                "  catapult jupyter kernel CONNECTION_FILE",
                "      run the kernel (Jupyter starts this from the kernelspec)");
    }

    /** Runs the subcommand; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) return usageError("jupyter needs a subcommand", err);
        try {
            return switch (args[0]) {
                case "install" -> install(args, out, err);
                case "kernel" -> args.length == 2 ? KernelMain.serve(Path.of(args[1])) : usageError("kernel needs a connection file", err);
                case "-h", "--help", "help" -> {
                    out.println(usage());
                    yield 0;
                }
                default -> usageError("unknown jupyter subcommand '" + args[0] + "'", err);
            };
        } catch (IOException e) {
            err.println("catapult jupyter: " + e.getMessage());
            return EX_CANTCREAT;
        } catch (Exception e) {
            err.println("catapult jupyter: " + e);
            return 70;
        }
    }

    private static int install(String[] args, PrintStream out, PrintStream err) throws IOException {
        Path kernels = KernelSpec.userKernels(System.getenv(), System.getProperty("user.home"), System.getProperty("os.name"));
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--user")) continue;
            if (args[i].equals("--prefix") && i + 1 < args.length) kernels = KernelSpec.prefixKernels(Path.of(args[++i]).toAbsolutePath());
            else return usageError("unexpected argument '" + args[i] + "'", err);
        }
        String omp = System.getenv().getOrDefault("OMP_NUM_THREADS", "1");
        String json = KernelSpec.json(KernelSpec.argv(System.getProperty("java.home"), absoluteClassPath(), System.getProperty("catapult.home")), omp);
        Path dir = KernelSpec.write(kernels, json);
        out.println("Installed the Catapult kernelspec in " + dir);
        out.println("Start it with `jupyter notebook` or `jupyter lab` and pick the \"Catapult\" kernel.");
        return 0;
    }

    /** This JVM's class path with every entry absolute, so the kernel starts from any directory. */
    static String absoluteClassPath() {
        String sep = java.io.File.pathSeparator;
        StringBuilder sb = new StringBuilder();
        for (String entry : System.getProperty("java.class.path").split(java.util.regex.Pattern.quote(sep))) {
            if (entry.isEmpty()) continue;
            sb.append(sb.length() == 0 ? "" : sep).append(Path.of(entry).toAbsolutePath().normalize());
        }
        return sb.toString();
    }

    private static int usageError(String message, PrintStream err) {
        err.println("catapult: " + message);
        err.println(usage());
        return EX_USAGE;
    }

}
