package catapult.engine.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import catapult.engine.data.Dataset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The cost contract of the loss series: full-batch GD gets the full loss every step from the
 * forward pass it needs anyway; mini-batch runs measure it every loss_every steps (default: every
 * when given, else once per epoch) and record every update's batch loss; loss_every: 1 restores
 * the per-step full loss; until, catapults and divergence follow.
 */
class LossSeriesTest {

    private final Dataset data = Fixtures.classification(40, 4, 2);

    private static Optimizer sgd(double lr, int batch) { return Optimizer.sgd(LrSchedule.constant(lr), batch); }

    @Test
    void defaultMiniBatchRunDoesNotEvaluateTheTrainingSetEveryStep() {
        CountingModel m = new CountingModel(LinearTestModel.random(4, 1, 3), data.n());
        Run run = Trainer.train(m, data, sgd(0.05, 4), TrainConfig.defaults().withSteps(100));
        // one epoch is 10 batches: t = 0, 10, ..., 100
        assertEquals(11, m.passes, "full passes over the training set");
        assertEquals(11, run.series("loss").size());
        assertEquals(100, run.series("batch_loss").size());
    }

    @Test
    void everyAndLossEverySetTheCadence() {
        CountingModel m = new CountingModel(LinearTestModel.random(4, 1, 3), data.n());
        Run run = Trainer.train(m, data, sgd(0.05, 4), TrainConfig.defaults().withSteps(23).withEvery(5));
        assertArrayEquals(new int[] {0, 5, 10, 15, 20, 23}, run.when("loss"));
        assertEquals(6, m.passes);
        Run k = Trainer.train(LinearTestModel.random(4, 1, 3), data, sgd(0.05, 4),
                TrainConfig.defaults().withSteps(23).withEvery(5).withLossEvery(7));
        assertArrayEquals(new int[] {0, 7, 14, 21, 23}, k.when("loss"));
    }

    @Test
    void lossEveryOneIsTheFullLossAfterEveryUpdate() {
        CountingModel m = new CountingModel(LinearTestModel.random(4, 1, 3), data.n());
        Run each = Trainer.train(m, data, sgd(0.05, 4), TrainConfig.defaults().withSteps(30).withLossEvery(1).withSeed(5));
        assertEquals(31, m.passes);
        assertEquals(31, each.lossCurve().length);
        Run sparse = Trainer.train(LinearTestModel.random(4, 1, 3), data, sgd(0.05, 4),
                TrainConfig.defaults().withSteps(30).withLossEvery(10).withSeed(5));
        int[] when = sparse.when("loss");
        for (int i = 0; i < when.length; i++) {
            assertEquals(each.lossCurve()[when[i]], sparse.lossCurve()[i], 0.0, "same trajectory at step " + when[i]);
        }
    }

    @Test
    void batchLossIsTheLossOfTheUpdatesBatchBeforeIt() {
        Run full = Trainer.train(LinearTestModel.random(4, 1, 3), data, sgd(0.05, data.n() - 1),
                TrainConfig.defaults().withSteps(1).withLossEvery(1));
        double batch = full.series("batch_loss").column(0)[0];
        assertTrue(batch > 0 && Math.abs(batch - full.lossCurve()[0]) < 0.5 * full.lossCurve()[0],
                "a batch of n - 1 examples has about the full loss at step 0");
    }

    @Test
    void untilSeesTheLatestMeasuredLossAndTheBatchLoss() {
        List<Map<String, Object>> seen = new ArrayList<>();
        TrainConfig cfg = TrainConfig.defaults().withSteps(50).withLossEvery(10).withUntil(m -> {
            seen.add(m);
            return (Integer) m.get("step") >= 25;
        });
        Run run = Trainer.train(LinearTestModel.random(4, 1, 3), data, sgd(0.05, 4), cfg);
        assertEquals(25, run.steps());
        assertTrue(seen.get(0).containsKey("batch_loss"));
        assertEquals(run.lossCurve()[2], (Double) seen.get(24).get("loss"), 0.0, "at step 25 the latest full loss is step 20's");
        assertArrayEquals(new int[] {0, 10, 20, 25}, run.when("loss"), "the stopping step gets its full loss");
    }

    @Test
    void divergenceIsCaughtBetweenMeasurements() {
        double critical = data.n() / Fixtures.gramEigenvalues(data.x())[0];
        Run run = Trainer.train(LinearTestModel.random(4, 1, 3), data, sgd(20 * critical, 8),
                TrainConfig.defaults().withSteps(5000).withLossEvery(1000));
        assertTrue(run.diverged());
        assertTrue(run.divergedAt() < 1000, "found by the batch loss, not at the next measurement");
        assertEquals(run.divergedAt(), run.when("loss")[run.when("loss").length - 1]);
        double last = run.lossCurve()[run.lossCurve().length - 1];
        assertTrue(!Double.isFinite(last) || last > 1e10 * run.lossCurve()[0]);
    }

    @Test
    void catapultsAreReportedInSteps() {
        int[] steps = {0, 10, 20, 30, 40};
        double[] loss = {1.0, 3.0, 0.5, 0.4, 0.3};
        List<CatapultEpisode> found = Catapults.detect(steps, loss, 2.0);
        assertEquals(1, found.size());
        assertEquals(0, found.get(0).start());
        assertEquals(10, found.get(0).peak());
        assertEquals(20, found.get(0).end());
        assertEquals(3.0, found.get(0).ratio(), 0.0);
    }
}
