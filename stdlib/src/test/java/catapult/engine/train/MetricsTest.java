package catapult.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import catapult.engine.data.Dataset;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Tracked metrics against closed forms of the linear model f(x) = x w. */
class MetricsTest {

    private final Dataset data = Fixtures.classification(12, 4, 1);

    @Test
    void batchCriticalRateIsBatchSizeOverTopEigenvalueOfTheBatchGram() {
        LinearTestModel m = LinearTestModel.random(4, 1, 3);
        BatchSampler sameBatches = new BatchSampler(data.n(), 5, 2);
        Run run = Trainer.train(m, data, Optimizer.sgd(LrSchedule.constant(0.01), 5),
                TrainConfig.defaults().withSteps(6).withSeed(2).track(Metric.named("crit_lr_batch"), Metric.named("grad_norm")));
        double[] crit = run.series("crit_lr_batch").column(0);
        for (int t = 0; t < 6; t++) {
            INDArray xb = data.rows(sameBatches.next()).x();
            double expected = xb.rows() / Fixtures.gramEigenvalues(xb)[0];
            assertEquals(expected, crit[t], 1e-4 * expected, "update " + t + " (batch of " + xb.rows() + ")");
        }
    }

    @Test
    void gradNormIsTheNormOfTheBatchGradientBeforeTheUpdate() {
        LinearTestModel m = LinearTestModel.random(4, 1, 3);
        INDArray w0 = m.params().dup();
        Run run = Trainer.train(m, data, Optimizer.gd(LrSchedule.constant(0.01)),
                TrainConfig.defaults().withSteps(1).track(Metric.named("grad_norm")));
        INDArray r = data.x().mmul(w0.reshape(4, 1)).sub(data.y());
        double expected = data.x().transpose().mmul(r).mul(2.0 / data.n()).norm2Number().doubleValue();
        assertEquals(expected, run.series("grad_norm").column(0)[0], 1e-5 * expected);
    }

    @Test
    void testErrorCountsSignMismatches() {
        LinearTestModel m = LinearTestModel.random(4, 1, 3);
        INDArray f = m.predict(data.x());
        double wrong = 0;
        for (int i = 0; i < data.n(); i++) if (f.getDouble(i, 0) * data.y().getDouble(i, 0) <= 0) wrong++;
        Run run = Trainer.train(m, data, Optimizer.gd(LrSchedule.constant(0.01)),
                TrainConfig.defaults().withSteps(0).withTest(data).track(Metric.named("test_error")));
        assertEquals(wrong / data.n(), run.series("test_error").column(0)[0], 1e-12);
    }

    @Test
    void agopAlignmentOfTheLinearModelWithItsOwnAgopIsOne() {
        LinearTestModel m = LinearTestModel.random(4, 1, 3);
        INDArray w = m.params().reshape(4, 1);
        INDArray gstar = w.mmul(w.transpose());
        INDArray other = Nd4j.eye(4).castTo(gstar.dataType());
        Run run = Trainer.train(m, data, Optimizer.gd(LrSchedule.constant(0.01)), TrainConfig.defaults().withSteps(0)
                .track(Metric.agopAlignment(gstar, data.x())));
        assertEquals(1.0, run.series("agop_alignment").column(0)[0], 1e-5);
        double cos = w.norm2Number().doubleValue() * w.norm2Number().doubleValue() / (gstar.norm2Number().doubleValue() * 2);
        Run vsIdentity = Trainer.train(LinearTestModel.random(4, 1, 3), data, Optimizer.gd(LrSchedule.constant(0.01)),
                TrainConfig.defaults().withSteps(0).track(Metric.agopAlignment(other, data.x())));
        assertEquals(cos, vsIdentity.series("agop_alignment").column(0)[0], 1e-5);
    }
}
