package catapult.engine.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import catapult.engine.autodiff.Activation;
import catapult.engine.data.Dataset;
import catapult.engine.graph.GraphBuilder;
import catapult.engine.graph.Network;
import catapult.engine.kernels.Loss;
import catapult.engine.kernels.LossHessian;
import catapult.engine.kernels.Ntk;
import catapult.engine.kernels.SharpnessTracker;
import catapult.engine.limits.InfiniteWidthKernels;
import catapult.engine.limits.NtkDistance;
import catapult.engine.models.LinearModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.eigen.Eigen;
import org.nd4j.linalg.factory.Nd4j;

/** "sharpness", sharpness(k) and "ntk_distance" against direct computations at the same parameters. */
class TheoryMetricsTest {

    @BeforeAll
    static void float64() {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
        catapult.numerics.Precision.set(DataType.DOUBLE);
    }

    private static Network net(int width, String param) {
        GraphBuilder g = new GraphBuilder();
        g.output(g.dense(g.activation(g.dense(java.util.List.of(g.input(3)), width, true, 0, null, true), Activation.TANH), 1));
        return g.build(0, 1.0, param);
    }

    @Test
    void trackedSharpnessIsTheTopOfTheLossHessianAtEachTrackedStep() {
        Dataset data = Fixtures.classification(10, 3, 4);
        Network m = net(16, "ntk");
        Run run = Trainer.train(m, data, Optimizer.gd(LrSchedule.constant(0.2)),
                TrainConfig.defaults().withSteps(12).withEvery(6).track(Metric.sharpness(2)));
        double[] last = run.series("sharpness").last();
        double[] direct = LossHessian.topEigenvalues(m, data.x(), data.y(), Loss.MSE, 2);
        assertArrayEquals(direct, last, 1e-8 * direct[0]);
        assertArrayEquals(new int[] {0, 6, 12}, run.series("sharpness").when());
    }

    @Test
    void warmStartsFindTheSameEigenvaluesWithFewerProducts() {
        Dataset data = Fixtures.classification(10, 3, 4);
        Network m = net(32, "ntk");
        SharpnessTracker warm = new SharpnessTracker(m, data.x(), data.y(), Loss.MSE, 1);
        warm.measure();
        int first = warm.products();
        m.params().addi(Nd4j.randn(Nd4j.create(DataType.DOUBLE, m.paramCount()), 9).muli(1e-3));
        double warmTop = warm.measure()[0];
        int second = warm.products() - first;
        SharpnessTracker cold = new SharpnessTracker(m, data.x(), data.y(), Loss.MSE, 1);
        double coldTop = cold.measure()[0];
        assertEquals(coldTop, warmTop, 1e-9 * coldTop);
        assertTrue(second < cold.products(), "warm " + second + " products vs cold " + cold.products());
    }

    @Test
    void ntkDistanceIsTheRelativeSpectralDistanceToTheLimit() {
        Dataset data = Fixtures.classification(6, 3, 5);
        Network m = net(64, "ntk");
        INDArray limit = InfiniteWidthKernels.of(m.graph(), data.x(), 1.0, InfiniteWidthKernels.Kind.NTK);
        double want = spectral(Ntk.of(m, data.x()).sub(limit)) / spectral(limit);
        assertEquals(want, new NtkDistance(m, data.x()).measure(), 1e-9);
        // the linear model expands the same network: same kernel at w0, same limit
        assertEquals(want, new NtkDistance(new LinearModel(m), data.x()).measure(), 1e-9);
        Run run = Trainer.train(m, data, Optimizer.gd(LrSchedule.constant(0.1)),
                TrainConfig.defaults().withSteps(0).track(Metric.named("ntk_distance")));
        assertEquals(want, run.series("ntk_distance").column(0)[0], 1e-9);
    }

    @Test
    void ntkDistanceNeedsTheNtkParameterization() {
        Dataset data = Fixtures.classification(4, 3, 5);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new NtkDistance(net(8, "standard"), data.x()));
        assertTrue(e.getMessage().contains("param: \"standard\""), e.getMessage());
    }

    private static double spectral(INDArray symmetric) {
        double[] ev = Eigen.symmetricGeneralizedEigenvalues(symmetric.dup(), false).toDoubleVector();
        double m = 0;
        for (double v : ev) m = Math.max(m, Math.abs(v));
        return m;
    }
}
