package catapult.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import catapult.engine.data.Dataset;
import catapult.engine.graph.Network;
import catapult.engine.kernels.CriticalLr;
import catapult.engine.kernels.Loss;
import catapult.engine.models.LinearModel;
import catapult.engine.models.Model;
import catapult.engine.models.QuadraticModel;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Thesis Theorem 3.3.1 on the engine's Neural Quadratic Model of a two-layer ReLU network
 * (half_sse, GD, a few examples): below eta_crit the loss falls monotonically and the kernel stays
 * put; between eta_crit and 2 eta_crit the loss catapults and lambda_1 drops; above 2 eta_crit it
 * diverges. The linear model has no catapult phase: it diverges just above eta_crit.
 */
class NqmDynamicsTest {

    private static final Dataset DATA = Dataset.of(
            Nd4j.createFromArray(new double[][] {{1.0}, {-0.5}, {2.0}}).castTo(Nd4j.defaultFloatingPointType()),
            Nd4j.createFromArray(new double[][] {{1.0}, {-1.0}, {1.0}}).castTo(Nd4j.defaultFloatingPointType()), "three points");

    private static Network net() {
        return TrackingCostMeasurement.net(1, 256, 7);
    }

    private static Run gd(Model m, double lr, int steps) {
        TrainConfig cfg = TrainConfig.defaults().withSteps(steps).withLoss(Loss.HALF_SSE).withEvery(10).track(Metric.ntkEigs(1));
        return Trainer.train(m, DATA, Optimizer.gd(LrSchedule.constant(lr)), cfg);
    }

    private static double critical(Model m) {
        return CriticalLr.of(m, DATA.x(), DATA.y(), Loss.HALF_SSE, "ntk");
    }

    @Test
    void quadraticModelHasThreeRegimes() {
        QuadraticModel nqm = new QuadraticModel(net());
        double crit = critical(nqm);

        Run below = gd(nqm.copy(), 0.9 * crit, 80);
        assertTrue(below.catapults(1.0001).isEmpty(), "monotone below eta_crit");
        double[] lam = below.series("ntk_eigs").column(0);
        assertEquals(lam[0], lam[lam.length - 1], 0.05 * lam[0], "kernel nearly constant");

        Run between = gd(nqm.copy(), 1.6 * crit, 120);
        assertFalse(between.diverged());
        List<CatapultEpisode> spikes = between.catapults();
        assertFalse(spikes.isEmpty(), "a catapult between eta_crit and 2 eta_crit");
        double[] lamBetween = between.series("ntk_eigs").column(0);
        assertTrue(lamBetween[lamBetween.length - 1] < 2 / (1.6 * crit), "lambda_1 falls below 2 / eta");

        assertTrue(gd(nqm.copy(), 2.3 * crit, 100).diverged(), "diverges above 2 eta_crit");
    }

    @Test
    void linearModelDivergesJustAboveCritical() {
        LinearModel lin = new LinearModel(net());
        double crit = critical(lin);
        assertFalse(gd(lin.copy(), 0.95 * crit, 100).diverged());
        Run above = gd(lin.copy(), 1.2 * crit, 100);
        assertFalse(MaxLr.stable(above));
        double maxLr = MaxLr.find(lin, DATA, 60, 0, Loss.HALF_SSE, 0);
        assertEquals(crit, maxLr, 0.03 * crit);
    }

    @Test
    void maxLrOfTheNqmIsAboutTwiceCritical() {
        QuadraticModel nqm = new QuadraticModel(net());
        double ratio = MaxLr.find(nqm, DATA, 60, 0, Loss.HALF_SSE, 0) / critical(nqm);
        assertTrue(ratio > 1.6 && ratio < 2.4, "max_lr / eta_crit = " + ratio);
    }
}
