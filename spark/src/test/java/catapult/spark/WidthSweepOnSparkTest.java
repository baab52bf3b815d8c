package catapult.spark;

import static org.junit.jupiter.api.Assertions.assertTrue;

import catapult.lang.errors.CatapultError;
import catapult.lang.session.Session;
import catapult.lang.session.SessionSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** scripts/width_sweep.cat runs unchanged with on = "spark" (as `--set on=spark` does), its asserts included. */
class WidthSweepOnSparkTest {

    @Test
    void theWidthSweepScriptRunsOnSpark() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Session s = Session.standard(SessionSettings.defaults().withOut(new PrintStream(out, true, StandardCharsets.UTF_8)));
        s.setOverrides(Map.of("size", "small", "on", "spark"));
        try {
            s.runFile(Path.of("..", "scripts", "width_sweep.cat"));
        } catch (CatapultError e) {
            throw new AssertionError(e.format() + "\n--- output ---\n" + out.toString(StandardCharsets.UTF_8));
        }
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("Hessian norm"), out.toString(StandardCharsets.UTF_8));
    }
}
