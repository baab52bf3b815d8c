package catapult.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `catapult run ... --allow-io`: guest code is sandboxed unless the flag is given, for host scripts and js() alike. */
class AllowIoTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        return new Main(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)).execute(args);
    }

    @Test
    void aJavaScriptHostReadsFilesOnlyWithAllowIo(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data.js");
        Files.writeString(data, "6 * 7");
        Path host = dir.resolve("host.js");
        Files.writeString(host, "console.log(catapult.eval('1 + 1'), load('" + data + "'));\n");
        assertEquals(70, run("run", host.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("TypeError: Cannot load script: " + data), err.toString(StandardCharsets.UTF_8));
        assertEquals(0, run("run", host.toString(), "--allow-io"));
        assertEquals("2 42\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void jsInsideACatScriptFollowsTheSameSwitch(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data.js");
        Files.writeString(data, "6 * 7");
        Path script = dir.resolve("reader.cat");
        Files.writeString(script, "print(js(\"() => load('" + data + "')\")())\n");
        assertEquals(70, run("run", script.toString()));
        String denied = err.toString(StandardCharsets.UTF_8);
        assertTrue(denied.startsWith(script + ":1:7: js function failed: TypeError: Cannot load script: " + data), denied);
        assertEquals(0, run("run", script.toString(), "--allow-io"));
        assertEquals("42\n", out.toString(StandardCharsets.UTF_8));
    }
}
