package catapult.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code catapult run --profile}: the slow call of a script heads the call-site table; phases follow. */
class ProfileTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new Main(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)).execute(args);
    }

    @Test
    void theSlowCallIsOnTopAndEnginePhasesAreListed(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("slow.cat");
        Files.writeString(f, String.join("\n",
                "arch fcn(width = 32) { output(dense(relu(dense(input(4), width)), 1)) }",
                "let data = regress(gaussian(64, 4, seed: 1), \"rank2\")",
                "let net = init(fcn(), seed: 0)",
                "for i in 0..200 { let s = len([i, 2, 3]) }",
                "let lr = max_lr(net, data, steps: 100)",
                "print(lr > 0)", ""));
        assertEquals(0, run("run", f.toString(), "--profile"));
        assertEquals("true\n", out.toString(StandardCharsets.UTF_8), "the script's own output is unchanged");
        List<String> lines = err.toString(StandardCharsets.UTF_8).lines().toList();
        int header = lines.indexOf(lines.stream().filter(l -> l.contains("builtin") && l.contains("calls")).findFirst().orElseThrow());
        String top = lines.get(header + 1);
        assertTrue(top.trim().startsWith(f + ":5:10") && top.contains("max_lr"), "slowest site first: " + top);
        assertTrue(lines.stream().anyMatch(l -> l.contains(":4:27") && l.contains("len") && l.contains(" 201 ")),
                "201 calls of len at one site:\n" + String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(l -> l.trim().startsWith("forward")), "engine phases:\n" + String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(l -> l.trim().startsWith("kernel/eigen")), "engine phases:\n" + String.join("\n", lines));
    }

    @Test
    void withoutTheFlagNothingIsReported(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("quiet.cat");
        Files.writeString(f, "print(len([1, 2]))\n");
        assertEquals(0, run("run", f.toString()));
        assertEquals("", err.toString(StandardCharsets.UTF_8));
        assertFalse(catapult.engine.PhaseClock.recording());
    }
}
