package catapult.engine.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import catapult.engine.data.Dataset;
import catapult.engine.kernels.Loss;
import catapult.engine.models.Model;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The training loop on hand-differentiated models: update rule, alignment, stops, lockstep. */
class TrainerTest {

    private final Dataset data = Fixtures.classification(12, 4, 1);

    private static Optimizer gd(double lr) { return Optimizer.gd(LrSchedule.constant(lr)); }

    private double critical() { return data.n() / Fixtures.gramEigenvalues(data.x())[0]; }

    @Test
    void gradientDescentStepMatchesHandComputation() {
        LinearTestModel m = LinearTestModel.random(4, 1, 3);
        INDArray w0 = m.params().dup();
        Run run = Trainer.train(m, data, gd(0.1), TrainConfig.defaults().withSteps(1));
        INDArray x = data.x();
        INDArray r = x.mmul(w0.reshape(4, 1)).sub(data.y());
        INDArray expected = w0.sub(x.transpose().mmul(r).reshape(4).mul(0.1 * 2.0 / data.n()));
        assertArrayEquals(expected.toDoubleVector(), m.params().toDoubleVector(), 1e-5);
        INDArray r1 = x.mmul(m.params().reshape(4, 1)).sub(data.y());
        assertEquals(r.norm2Number().doubleValue() * r.norm2Number().doubleValue() / data.n(), run.lossCurve()[0], 1e-5);
        assertEquals(r1.norm2Number().doubleValue() * r1.norm2Number().doubleValue() / data.n(), run.lossCurve()[1], 1e-5);
    }

    @Test
    void seriesFollowTheAlignmentRules() {
        TrainConfig cfg = TrainConfig.defaults().withSteps(25).withEvery(10)
                .track(Metric.named("grad_norm"), Metric.named("crit_lr_batch"), Metric.named("distance"), Metric.ntkEigs(2));
        Run run = Trainer.train(LinearTestModel.random(4, 1, 3), data, Optimizer.sgd(LrSchedule.constant(0.05), 5), cfg);
        assertEquals(25, run.steps());
        assertArrayEquals(new int[] {0, 10, 20, 25}, run.when("loss"), "mini-batch: the full loss every `every` steps");
        for (String perUpdate : List.of("batch_loss", "lr", "grad_norm", "crit_lr_batch")) {
            assertArrayEquals(range(0, 25), run.when(perUpdate), perUpdate);
        }
        assertArrayEquals(new int[] {0, 10, 20, 25}, run.when("distance"));
        assertArrayEquals(new long[] {4, 2}, run.array("ntk_eigs").shape());
        assertEquals(0, run.array("distance").getDouble(0), 0);
        assertEquals(List.of("loss", "batch_loss", "lr", "grad_norm", "crit_lr_batch", "distance", "ntk_eigs"), run.seriesNames());
        Run gd = Trainer.train(LinearTestModel.random(4, 1, 3), data, gd(0.05), TrainConfig.defaults().withSteps(25).withEvery(10));
        assertArrayEquals(range(0, 26), gd.when("loss"), "full batch: the loss after every update");
        assertFalse(gd.has("batch_loss"));
    }

    @Test
    void kernelMetricsMatchTheLinearModelsClosedForms() {
        double[] gram = Fixtures.gramEigenvalues(data.x());
        TrainConfig cfg = TrainConfig.defaults().withSteps(3).withTest(data)
                .track(Metric.ntkEigs(2), Metric.named("crit_lr"), Metric.named("crit_lr_batch"), Metric.named("kernel_change"),
                        Metric.lossSplit(2), Metric.named("test_loss"));
        Run run = Trainer.train(LinearTestModel.random(4, 1, 3), data, gd(0.01), cfg);
        INDArray eigs = run.array("ntk_eigs");
        assertEquals(gram[0], eigs.getDouble(0, 0), 1e-4 * gram[0]);
        assertEquals(gram[1], eigs.getDouble(0, 1), 1e-4 * gram[0]);
        assertEquals(data.n() / gram[0], run.array("crit_lr").getDouble(0), 1e-4 * data.n() / gram[0]);
        assertEquals(data.n() / gram[0], run.array("crit_lr_batch").getDouble(2), 1e-4 * data.n() / gram[0]);
        assertEquals(0, run.array("kernel_change").maxNumber().doubleValue(), 1e-5);
        INDArray split = run.array("loss_split");
        double[] loss = run.lossCurve();
        for (int i = 0; i < split.rows(); i++) {
            assertEquals(loss[run.when("loss_split")[i]], split.getDouble(i, 0) + split.getDouble(i, 1), 1e-5);
        }
        assertArrayEquals(loss, run.series("test_loss").column(0), 1e-5);
    }

    @Test
    void multiOutputKernelIsExampleMajor() {
        INDArray y = Nd4j.randn(Nd4j.create(Nd4j.defaultFloatingPointType(), 12, 2), 5);
        Dataset two = Dataset.of(data.x(), y, "two outputs");
        double[] gram = Fixtures.gramEigenvalues(data.x());
        Run run = Trainer.train(LinearTestModel.random(4, 2, 3), two, gd(0.01),
                TrainConfig.defaults().withSteps(1).track(Metric.ntkEigs(3), Metric.lossSplit(2)));
        INDArray eigs = run.array("ntk_eigs");
        assertEquals(gram[0], eigs.getDouble(0, 0), 1e-4 * gram[0]);
        assertEquals(gram[0], eigs.getDouble(0, 1), 1e-4 * gram[0]);
        assertEquals(gram[1], eigs.getDouble(0, 2), 1e-4 * gram[0]);
        INDArray split = run.array("loss_split");
        assertEquals(run.lossCurve()[1], split.getDouble(1, 0) + split.getDouble(1, 1), 1e-5);
    }

    @Test
    void divergenceIsAResult() {
        Run run = Trainer.train(LinearTestModel.random(4, 1, 3), data, gd(1.5 * critical()),
                TrainConfig.defaults().withSteps(5000).withEvery(10).track(Metric.named("distance")));
        assertTrue(run.diverged());
        assertTrue(run.divergedAt() > 0 && run.divergedAt() < 5000);
        assertEquals(run.divergedAt(), run.steps());
        assertEquals(run.steps() + 1, run.lossCurve().length);
        double last = run.lossCurve()[run.steps()];
        assertTrue(!Double.isFinite(last) || last > 1e10 * run.lossCurve()[0]);
        Run fine = Trainer.train(LinearTestModel.random(4, 1, 3), data, gd(0.9 * critical()), TrainConfig.defaults().withSteps(200));
        assertFalse(fine.diverged());
        assertEquals(-1, fine.divergedAt());
    }

    @Test
    void interruptionKeepsThePartialRun() {
        AtomicInteger checks = new AtomicInteger();
        Run run = Trainer.train(LinearTestModel.random(4, 1, 3), data, gd(0.01),
                TrainConfig.defaults().withSteps(100).withInterrupt(() -> checks.incrementAndGet() > 7));
        assertTrue(run.interrupted());
        assertEquals(7, run.steps());
        assertEquals(8, run.lossCurve().length);
        assertEquals(7, run.series("lr").size());
    }

    @Test
    void threadInterruptStopsTrainingWithoutClearingTheFlag() {
        Thread.currentThread().interrupt();
        try {
            Run run = Trainer.train(LinearTestModel.random(4, 1, 3), data, gd(0.01), TrainConfig.defaults().withSteps(100));
            assertTrue(run.interrupted());
            assertEquals(0, run.steps());
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void untilSeesStepLossAndLatestMetrics() {
        TrainConfig cfg = TrainConfig.defaults().withSteps(100).withEvery(5).track(Metric.named("distance"))
                .withUntil(m -> {
                    assertTrue(m.containsKey("loss") && m.containsKey("lr") && m.containsKey("distance"));
                    return (Integer) m.get("step") >= 7;
                });
        Run run = Trainer.train(LinearTestModel.random(4, 1, 3), data, gd(0.01), cfg);
        assertEquals(Run.Stop.UNTIL, run.stop());
        assertEquals(7, run.steps());
        assertArrayEquals(new int[] {0, 5, 7}, run.when("distance"));
    }

    @Test
    void lockstepModelsSeeTheSameBatches() {
        RecordingModel a = new RecordingModel(LinearTestModel.random(4, 1, 3));
        RecordingModel b = new RecordingModel(QuadraticTestModel.random(4, 0.1, 9));
        Optimizer opt = Optimizer.momentum(LrSchedule.constant(0.01), 0.9, 5);
        List<Run> runs = Trainer.train(List.of(a, b), data, opt, TrainConfig.defaults().withSteps(9).withSeed(4));
        assertEquals(2, runs.size());
        assertEquals(a.forwardInputs.size(), b.forwardInputs.size());
        assertEquals(9, a.forwardInputs.stream().filter(x -> x.rows() < data.n()).count(), "one batch per update");
        for (int i = 0; i < a.forwardInputs.size(); i++) assertEquals(a.forwardInputs.get(i), b.forwardInputs.get(i), "pass " + i);
        RecordingModel alone = new RecordingModel(LinearTestModel.random(4, 1, 3));
        Run single = Trainer.train(alone, data, opt, TrainConfig.defaults().withSteps(9).withSeed(4));
        assertArrayEquals(runs.get(0).lossCurve(), single.lossCurve(), 0.0);
        assertArrayEquals(runs.get(0).series("batch_loss").column(0), single.series("batch_loss").column(0), 0.0);
    }

    @Test
    void relativeRateUsesTheInitialCriticalRate() {
        Run run = Trainer.train(LinearTestModel.random(4, 1, 3), data, Optimizer.gd(Schedules.relative(0.5)),
                TrainConfig.defaults().withSteps(4));
        for (double lr : run.series("lr").column(0)) assertEquals(0.5 * critical(), lr, 1e-4 * critical());
    }

    @Test
    void argumentErrorsNameTheProblem() {
        Model twoOut = LinearTestModel.random(4, 2, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Trainer.train(twoOut, data, gd(0.1), TrainConfig.defaults()));
        assertEquals("the model has 2 outputs but the data has 1 label columns", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Trainer.train(LinearTestModel.random(4, 1, 3), data, gd(0.1),
                TrainConfig.defaults().track(Metric.named("test_loss"))));
        assertTrue(e.getMessage().contains("needs test data"));
        assertThrows(IllegalArgumentException.class, () -> Metric.named("los"));
    }

    @Test
    void progressEndsWithAFinishedReport() {
        java.util.List<Progress> seen = new java.util.ArrayList<>();
        Trainer.train(LinearTestModel.random(4, 1, 3), data, gd(0.01), TrainConfig.defaults().withSteps(20).withProgress(seen::add));
        Progress last = seen.get(seen.size() - 1);
        assertTrue(last.finished());
        assertEquals(20, last.done());
        assertEquals(20, last.total());
        assertTrue(seen.size() <= 3, "rate-limited");
    }

    private static int[] range(int from, int to) {
        int[] r = new int[to - from];
        for (int i = 0; i < r.length; i++) r[i] = from + i;
        return r;
    }
}
