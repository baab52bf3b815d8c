package catapult.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import catapult.engine.table.Table;
import catapult.lang.errors.RuntimeError;
import catapult.lang.session.Session;
import catapult.lang.session.SessionSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Table methods as scripts call them: spreads over seeds, pandas names pointing to ours, exact CSV round trips. */
class TableMethodsTest {
    @TempDir
    Path dir;
    private final Session interp = Session.standard(SessionSettings.defaults()
            .withOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));

    private Table table(String code) {
        return ((TableValue) interp.run(code.replace("DIR", dir.toString()), "<t>")).table();
    }

    @Test
    void aSweepsSeedIsAKeyNotAMeasurement() {
        String sweep = "let t = sweep({lr: [0.1, 0.2], seed: 0..2}, c => {loss: c.lr * 10 + c.seed})\n";
        Table mean = table(sweep + "t.mean_by(\"lr\")");
        assertEquals(List.of("lr", "loss"), mean.columns());
        assertEquals(List.of(2.0, 3.0), mean.col("loss"));
        Table std = table(sweep + "t.std_by(\"lr\")");
        assertEquals(List.of(1.0, 1.0), std.col("loss"));
    }

    @Test
    void pandasNamesPointToTheMethodHere() {
        RuntimeError e = assertThrows(RuntimeError.class, () -> interp.run("table([{a: 1, b: 2}]).column(\"b\")", "<t>"));
        assertTrue(e.getMessage().contains("write t.col(\"name\")"), e.getMessage());
        e = assertThrows(RuntimeError.class, () -> interp.run("table([{a: 1}]).groupby(\"a\")", "<t>"));
        assertTrue(e.getMessage().contains("mean_by"), e.getMessage());
    }

    @Test
    void savedCsvLoadsWithTheSameNumbers() {
        Table back = table("let t = table([{x: 1 / 3, y: 0.1, z: 0 / 0, w: 1e-300}])\nt.save(\"DIR/t.csv\")\nload(\"DIR/t.csv\")");
        assertEquals(1.0 / 3, back.col("x").get(0));
        assertEquals(0.1, back.col("y").get(0));
        assertTrue(Double.isNaN((Double) back.col("z").get(0)));
        assertEquals(1e-300, back.col("w").get(0));
    }

    @Test
    void aRunsTableSavesItsFloat32LossesExactly() {
        interp.run("arch f() { output(dense(relu(dense(input(2), 32)), 1)) }\n"
                + "let run = train(init(f, seed: 0), mixture(16, d: 2, seed: 0), gd(0.1), steps: 3)\n"
                + "run.save(\"DIR/run.csv\")".replace("DIR", dir.toString()), "<t>");
        Table back = table("load(\"DIR/run.csv\")");
        double[] saved = ((catapult.lang.value.Tensor) interp.run("run.loss", "<l>")).array().toDoubleVector();
        for (int t = 0; t < saved.length; t++) assertEquals(saved[t], (Double) back.col("loss").get(t));
    }
}
