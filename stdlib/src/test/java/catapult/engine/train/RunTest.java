package catapult.engine.train;

import catapult.engine.table.Table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import catapult.engine.data.Dataset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunTest {

    private final Dataset data = Fixtures.classification(12, 4, 1);

    private Run run() {
        TrainConfig cfg = TrainConfig.defaults().withSteps(7).withEvery(3).withTest(data)
                .track(Metric.named("test_loss"), Metric.named("grad_norm"), Metric.ntkEigs(2));
        return Trainer.train(LinearTestModel.random(4, 1, 3), data, Optimizer.gd(LrSchedule.constant(0.05)), cfg);
    }

    @Test
    void tableHasOneRowPerStepWithEverySeriesAtItsSteps() {
        Table t = run().table();
        assertEquals(List.of("step", "loss", "lr", "grad_norm", "test_loss", "ntk_eigs_0", "ntk_eigs_1"), t.columns());
        assertEquals(8, t.size());
        assertNull(t.row(7).get("lr"), "no update from the last step");
        assertNull(t.row(1).get("test_loss"), "not a tracked step");
        assertTrue(t.row(6).get("test_loss") instanceof Double);
        assertTrue(t.row(7).get("ntk_eigs_1") instanceof Double, "the last step is tracked");
    }

    @Test
    void finalValuesAndBest() {
        Run r = run();
        Map<String, Object> fin = r.finalValues();
        assertEquals(7, fin.get("steps"));
        assertEquals(r.lossCurve()[7], (Double) fin.get("loss"), 0);
        assertEquals(2, ((double[]) fin.get("ntk_eigs")).length);
        assertEquals(false, fin.get("diverged"));
        double[] test = r.series("test_loss").column(0);
        assertEquals(test[test.length - 1], r.best("test_loss"), 0, "GD below critical: the loss falls");
        assertEquals(7, r.bestStep("test_loss"));
        assertThrows(IllegalArgumentException.class, () -> r.best("ntk_eigs"));
        assertThrows(IllegalArgumentException.class, () -> r.series("crit_lr"));
    }

    @Test
    void savesCsvAndJson(@TempDir Path dir) throws Exception {
        Run r = run();
        r.save(dir.resolve("run.csv"));
        List<String> lines = Files.readAllLines(dir.resolve("run.csv"));
        assertEquals("step,loss,lr,grad_norm,test_loss,ntk_eigs_0,ntk_eigs_1", lines.get(0));
        assertEquals(9, lines.size());
        assertTrue(lines.get(8).startsWith("7,") && lines.get(8).contains(",,"), lines.get(8));
        r.save(dir.resolve("run.json"));
        String json = Files.readString(dir.resolve("run.json"));
        assertTrue(json.contains("\"ntk_eigs\": {\"when\": [0, 3, 6, 7], \"columns\": [\"ntk_eigs_0\", \"ntk_eigs_1\"]"), json);
        assertTrue(json.contains("\"stop\": \"steps\""));
    }

    @Test
    void oneLineSummary() {
        assertTrue(run().toString().matches("run\\(gd\\(lr=0\\.05\\), 7 steps, loss [0-9.e+-]+ -> [0-9.e+-]+\\)"), run().toString());
    }
}
