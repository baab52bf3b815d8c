package catapult.jupyter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kernelspec: where it goes and what Jupyter reads from it. */
class KernelSpecTest {
    @Test
    void userDataDirFollowsJupyterRules() {
        assertEquals(Path.of("/j/kernels"), KernelSpec.userKernels(Map.of("JUPYTER_DATA_DIR", "/j"), "/home/u", "Linux"));
        assertEquals(Path.of("/x/jupyter/kernels"), KernelSpec.userKernels(Map.of("XDG_DATA_HOME", "/x"), "/home/u", "Linux"));
        assertEquals(Path.of("/home/u/.local/share/jupyter/kernels"), KernelSpec.userKernels(Map.of(), "/home/u", "Linux"));
        assertEquals(Path.of("/home/u/Library/Jupyter/kernels"), KernelSpec.userKernels(Map.of(), "/home/u", "Mac OS X"));
        assertEquals(Path.of("/venv/share/jupyter/kernels"), KernelSpec.prefixKernels(Path.of("/venv")));
    }

    @Test
    void writesAKernelJsonJupyterCanRead(@TempDir Path dir) throws Exception {
        List<String> argv = KernelSpec.argv("/jdk", "/a b/classes:/lib/x.jar", "/clone \"q\"");
        Path written = KernelSpec.write(dir, KernelSpec.json(argv, "1"));
        assertEquals(dir.resolve("catapult"), written);
        JsonObject spec = JsonParser.parseString(Files.readString(written.resolve("kernel.json"))).getAsJsonObject();
        List<String> read = spec.getAsJsonArray("argv").asList().stream().map(e -> e.getAsString()).toList();
        assertEquals(argv, read);
        assertEquals("/jdk/bin/java", read.get(0));
        assertEquals("{connection_file}", read.get(read.size() - 1));
        assertTrue(read.contains("-Dcatapult.home=/clone \"q\"") && read.contains(KernelMain.class.getName()));
        assertEquals("message", spec.get("interrupt_mode").getAsString());
        assertEquals("catapult", spec.get("language").getAsString());
        assertEquals("1", spec.getAsJsonObject("env").get("OMP_NUM_THREADS").getAsString());
    }

    @Test
    void installWritesIntoThePrefixAndReinstallReplaces(@TempDir Path dir) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.PrintStream ps = new java.io.PrintStream(out, true);
        assertEquals(0, JupyterCommand.run(new String[] {"install", "--prefix", dir.toString()}, ps, ps));
        assertEquals(0, JupyterCommand.run(new String[] {"install", "--prefix", dir.toString()}, ps, ps));
        Path spec = dir.resolve("share/jupyter/kernels/catapult/kernel.json");
        assertTrue(Files.isRegularFile(spec), out.toString());
        try (var files = Files.list(spec.getParent())) {
            assertEquals(1, files.count(), "no temporary files left behind");
        }
        assertEquals(64, JupyterCommand.run(new String[] {"install", "--bogus"}, ps, ps));
    }
}
