package catapult.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C in {@code catapult run}, with a real process and a real SIGINT: the first stops the
 * current train (or loop) and the script goes on with the partial run; a second within 3 s ends
 * the script with exit 130.
 */
class ScriptInterruptsTest {
    @TempDir Path dir;

    /** A `catapult run` child process whose output lines are collected as they come. */
    private static final class Child {
        final Process process;
        final List<String> out = new ArrayList<>();
        final StringBuilder err = new StringBuilder();

        Child(Path script) throws IOException {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "catapult.cli.Main", "run", script.toString())
                    .start();
            pump(new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)), out, null);
            pump(new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8)), null, err);
        }

        private static void pump(BufferedReader r, List<String> lines, StringBuilder text) {
            Thread t = new Thread(() -> {
                try {
                    for (String line; (line = r.readLine()) != null; ) {
                        if (lines != null) synchronized (lines) { lines.add(line); }
                        if (text != null) synchronized (text) { text.append(line).append('\n'); }
                    }
                } catch (IOException ignored) {
                    // the process ended
                }
            });
            t.setDaemon(true);
            t.start();
        }

        void awaitLine(String line, long seconds) throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (System.nanoTime() < end) {
                synchronized (out) { if (out.contains(line)) return; }
                if (!process.isAlive()) break;
                Thread.sleep(50);
            }
            throw new AssertionError("no line '" + line + "' from the script; out=" + out + " err=" + err);
        }

        void sigint() throws Exception {
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start();
            assertEquals(0, kill.waitFor());
        }

        int exit(long seconds) throws InterruptedException {
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the script did not end; out=" + out + " err=" + err);
            }
            Thread.sleep(100); // let the pumps drain
            return process.exitValue();
        }
    }

    private Path script(String code) throws IOException {
        Path file = dir.resolve("long.cat");
        Files.writeString(file, code);
        return file;
    }

    @Test
    void firstCtrlCStopsTheTrainingAndTheScriptGoesOnWithThePartialRun() throws Exception {
        Child c = new Child(script(String.join("\n",
                "arch net() {",
                "  let x = input(2)",
                "  output(dense(relu(dense(x, 64)), 1))",
                "}",
                "let data = mixture(64, d: 2, seed: 0)",
                "print(\"training\")",
                "let run = train(init(net(), seed: 0), data, gd(0.01), steps: 100000000)",
                "print(\"after\", run.interrupted, run.steps > 0, run.steps < 100000000)",
                "")));
        c.awaitLine("training", 60);
        Thread.sleep(1500);
        c.sigint();
        assertEquals(0, c.exit(60), "out=" + c.out + " err=" + c.err);
        assertTrue(c.out.contains("after true true true"), c.out.toString());
        assertTrue(c.err.toString().contains("interrupted: train (" + dir.resolve("long.cat") + ":7:11) stopped early"), c.err.toString());
    }

    @Test
    void aCtrlCStopsOnlyTheInnermostLoopOfAScript() throws Exception {
        Child c = new Child(script(String.join("\n",
                "let i = 0",
                "print(\"looping\")",
                "while true { i = i + 1 }",
                "print(\"after the loop\", i > 0)",
                "")));
        c.awaitLine("looping", 60);
        Thread.sleep(500);
        c.sigint();
        assertEquals(0, c.exit(60));
        assertTrue(c.out.contains("after the loop true"), c.out.toString());
    }

    @Test
    void aSecondCtrlCWithinThreeSecondsEndsTheScriptWith130() throws Exception {
        Child c = new Child(script(String.join("\n",
                "let i = 0",
                "print(\"looping\")",
                "while true { i = i + 1 }",
                "while true { i = i + 1 }",
                "print(\"never\")",
                "")));
        c.awaitLine("looping", 60);
        Thread.sleep(500);
        c.sigint();
        Thread.sleep(300);
        c.sigint();
        assertEquals(130, c.exit(60));
        assertFalse(c.out.contains("never"));
        assertTrue(c.err.toString().contains("catapult: interrupted"), c.err.toString());
    }
}
