package catapult.polyglot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The example host scripts in scripts/ run to completion; their own asserts check the science. */
class GuestScriptsTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String script) {
        return GuestRunner.run(Path.of("..", "scripts", script), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void lrSweepShowsTheNetworkCatapultWhereItsLinearModelDiverges() {
        assertEquals(0, run("lr_sweep.py"), err.toString(StandardCharsets.UTF_8));
        String table = out.toString(StandardCharsets.UTF_8);
        assertTrue(table.contains("catapult") && table.contains("diverged") && table.contains("monotone"), table);
    }

    @Test
    void jsSchedulesDriveTheTrainer() {
        assertEquals(0, run("schedule.js"), err.toString(StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("catapult: steps"), out.toString(StandardCharsets.UTF_8));
    }
}
