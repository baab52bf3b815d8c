package catapult.jupyter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code catapult} kernelspec: kernel.json whose argv starts this JVM's java with this JVM's
 * class path (so starting a kernel never rebuilds or runs the launcher), messages for interrupts,
 * and the folder Jupyter looks in: the user data dir by default, or PREFIX/share/jupyter.
 */
final class KernelSpec {
    static final String NAME = "catapult";

    private KernelSpec() {}

    /** The kernels folder of the user's Jupyter data dir (JUPYTER_DATA_DIR, XDG_DATA_HOME, ~/.local/share/jupyter, ~/Library/Jupyter). */
    static Path userKernels(Map<String, String> env, String home, String os) {
        if (env.containsKey("JUPYTER_DATA_DIR")) return Path.of(env.get("JUPYTER_DATA_DIR"), "kernels");
        if (os.toLowerCase().contains("mac")) return Path.of(home, "Library", "Jupyter", "kernels");
        String xdg = env.get("XDG_DATA_HOME");
        Path data = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home, ".local", "share");
        return data.resolve("jupyter").resolve("kernels");
    }

    static Path prefixKernels(Path prefix) {
        return prefix.resolve("share").resolve("jupyter").resolve("kernels");
    }

    /** The command a Jupyter client runs to start the kernel, with {connection_file} for it to fill in. */
    static List<String> argv(String javaHome, String classPath, String catapultHome) {
        List<String> argv = new ArrayList<>(List.of(Path.of(javaHome, "bin", "java").toString(),
                "-Xss16m", "-XX:+UseParallelGC", "-Djava.awt.headless=true",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-Dpolyglot.engine.WarnInterpreterOnly=false"));
        if (catapultHome != null) argv.add("-Dcatapult.home=" + catapultHome);
        argv.addAll(List.of("-cp", classPath, KernelMain.class.getName(), "{connection_file}"));
        return argv;
    }

    static String json(List<String> argv, String ompThreads) {
        StringBuilder sb = new StringBuilder("{\n  \"argv\": [");
        for (int i = 0; i < argv.size(); i++) sb.append(i == 0 ? "" : ", ").append(quote(argv.get(i)));
        sb.append("],\n  \"display_name\": \"Catapult\",\n  \"language\": \"catapult\",\n");
        sb.append("  \"interrupt_mode\": \"message\",\n");
        sb.append("  \"env\": {\"OMP_NUM_THREADS\": ").append(quote(ompThreads)).append("},\n");
        sb.append("  \"metadata\": {\"debugger\": false}\n}\n");
        return sb.toString();
    }

    /** Writes kernels/catapult/kernel.json (replacing an older one) and returns its folder. */
    static Path write(Path kernels, String json) throws IOException {
        Path dir = kernels.resolve(NAME);
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "kernel", ".json.tmp");
        Files.writeString(tmp, json);
        Files.move(tmp, dir.resolve("kernel.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return dir;
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                default -> sb.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return sb.append('"').toString();
    }
}
