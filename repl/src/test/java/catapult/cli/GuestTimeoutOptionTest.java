package catapult.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** `catapult run ... --guest-timeout SECONDS`: a runaway guest call ends with a positioned error instead of hanging. */
@Timeout(120)
class GuestTimeoutOptionTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new Main(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)).execute(args);
    }

    @Test
    void anEndlessJsFunctionInAScriptStopsAtTheLimit(@TempDir Path dir) throws Exception {
        Path script = Files.writeString(dir.resolve("spin.cat"), "print(\"before\")\nlet spin = js(\"() => { for (;;) {} }\")\nspin()\n");
        assertEquals(70, run("run", script.toString(), "--guest-timeout", "0.5"));
        assertEquals("before\n", out.toString(StandardCharsets.UTF_8));
        String error = err.toString(StandardCharsets.UTF_8);
        assertTrue(error.startsWith(script + ":3:1: js function: guest code exceeded its time limit of 0.5 s"), error);
    }

    @Test
    void theLimitMustBeAPositiveNumberOfSeconds(@TempDir Path dir) throws Exception {
        Path script = Files.writeString(dir.resolve("ok.cat"), "1\n");
        assertEquals(64, run("run", script.toString(), "--guest-timeout", "soon"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--guest-timeout expects a positive number of seconds, got 'soon'"));
    }
}
