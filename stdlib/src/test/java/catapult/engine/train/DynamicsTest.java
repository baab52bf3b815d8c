package catapult.engine.train;

import catapult.engine.table.Table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import catapult.engine.data.Dataset;
import catapult.engine.kernels.Loss;
import catapult.engine.kernels.Ntk;
import catapult.engine.kernels.Spectra;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Training dynamics with closed-form thresholds: the linear model's sharp divergence at
 * n / lambda_max (mse), and the three regimes of a quadratic model on one example (half_sse,
 * critical rate 2 / lambda_0): monotone below, catapult between, divergence above twice.
 */
class DynamicsTest {

    /** One example x = 1 with label 0 (d = 1), the setting of Theorem 3.3.1. */
    private static Dataset oneExample() {
        INDArray x = Nd4j.ones(Nd4j.defaultFloatingPointType(), 1, 1);
        return Dataset.of(x, Nd4j.zeros(Nd4j.defaultFloatingPointType(), 1, 1), "one example");
    }

    private static TwoLayerLinearTestModel net() {
        return TwoLayerLinearTestModel.random(128, 1, 2);
    }

    private static double lambda0(TwoLayerLinearTestModel m, Dataset data) {
        return Spectra.topEigenvalues(Ntk.of(m, data.x()), 1)[0];
    }

    private static Run gd(TwoLayerLinearTestModel m, Dataset data, double lr, int steps) {
        TrainConfig cfg = TrainConfig.defaults().withSteps(steps).withLoss(Loss.HALF_SSE).withEvery(5).track(Metric.ntkEigs(1));
        return Trainer.train(m, data, Optimizer.gd(LrSchedule.constant(lr)), cfg);
    }

    @Test
    void quadraticModelShowsTheThreeRegimes() {
        Dataset data = oneExample();
        TwoLayerLinearTestModel model = net();
        double critical = 2 / lambda0(model, data);

        Run below = gd((TwoLayerLinearTestModel) model.copy(), data, 0.9 * critical, 60);
        assertTrue(below.catapults(1.0001).isEmpty(), "monotone below the critical rate");
        assertFalse(below.diverged());

        Run catapult = gd((TwoLayerLinearTestModel) model.copy(), data, 1.5 * critical, 100);
        assertFalse(catapult.diverged());
        List<CatapultEpisode> spikes = catapult.catapults();
        assertEquals(1, spikes.size(), "one catapult");
        assertTrue(spikes.get(0).ratio() > 10, "the loss rises far above its start");
        assertTrue(spikes.get(0).lamAfter() < 2 / (1.5 * critical), "lambda drops below 2 / eta");
        double[] loss = catapult.lossCurve();
        assertTrue(loss[loss.length - 1] < 1e-3 * loss[0], "then converges");

        Run above = gd((TwoLayerLinearTestModel) model.copy(), data, 2.2 * critical, 100);
        assertTrue(above.diverged());
    }

    @Test
    void maxLrOfTheLinearModelIsItsCriticalRate() {
        Dataset data = Fixtures.classification(16, 5, 11);
        double critical = data.n() / Fixtures.gramEigenvalues(data.x())[0];
        LinearTestModel model = LinearTestModel.random(5, 1, 1);
        double found = MaxLr.find(model, data, 100, 0, Loss.MSE, 0);
        assertEquals(critical, found, 0.02 * critical);
        assertEquals(model.initialParams(), model.params(), "the model itself is not trained");
    }

    @Test
    void maxLrOfTheQuadraticModelIsAboutTwiceCritical() {
        Dataset data = oneExample();
        TwoLayerLinearTestModel model = net();
        double critical = 2 / lambda0(model, data);
        double found = MaxLr.find(model, data, 100, 0, Loss.HALF_SSE, 0);
        assertTrue(found > 1.6 * critical && found < 2.4 * critical, "max_lr / critical = " + found / critical);
    }

    @Test
    void phasesLabelsTheRegimes() {
        Dataset data = oneExample();
        TwoLayerLinearTestModel model = net();
        double critical = 2 / lambda0(model, data);
        Table t = Phases.classify(model, data, List.of(0.7 * critical, 1.5 * critical, 2.5 * critical), 100, Loss.HALF_SSE);
        assertEquals(List.of("lr", "lr_over_crit", "label", "peak_ratio", "final_loss", "lam_before", "lam_after"), t.columns());
        assertEquals(List.of("monotone", "catapult", "diverged"), t.col("label"));
        assertEquals(1.5, (Double) t.row(1).get("lr_over_crit"), 1e-3);
        assertTrue((Double) t.row(1).get("lam_after") < (Double) t.row(1).get("lam_before"));
        double before = (Double) t.row(0).get("lam_before");
        assertEquals(before, (Double) t.row(0).get("lam_after"), 0.05 * before, "the kernel barely moves below critical");
    }

    @Test
    void warmStartedLanczosTrackingMatchesDenseEigenvalues() {
        Dataset data = Fixtures.classification(160, 6, 21);
        QuadraticTestModel model = QuadraticTestModel.random(6, 0.3, 4);
        Run run = Trainer.train(model, data, Optimizer.gd(LrSchedule.constant(0.01)),
                TrainConfig.defaults().withSteps(6).withEvery(3).track(Metric.ntkEigs(2)));
        double[] dense = Spectra.topEigenvalues(Ntk.byJacobian(model, data.x(), 1 << 20), 2);
        INDArray tracked = run.array("ntk_eigs");
        assertEquals(dense[0], tracked.getDouble(2, 0), 1e-3 * dense[0]);
        assertEquals(dense[1], tracked.getDouble(2, 1), 1e-3 * dense[0]);
    }
}
