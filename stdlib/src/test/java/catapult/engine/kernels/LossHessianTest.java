package catapult.engine.kernels;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LossHessianTest {

    @BeforeAll
    static void float64() {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE); catapult.numerics.Precision.set(DataType.DOUBLE);
    }

    private final TwoLayerNet net = new TwoLayerNet(3, 5, 2, 31);
    private final INDArray x = Nd4j.randn(Nd4j.create(DataType.DOUBLE, 4, 3), 32);
    private final INDArray y = Nd4j.randn(Nd4j.create(DataType.DOUBLE, 4, 2), 33);

    @Test
    void operatorMatchesDifferencesOfTheLossGradient() {
        for (Loss loss : Loss.values()) {
            INDArray want = CriticalLrTest.denseLossHessian(net, x, y, loss);
            INDArray got = Oracles.dense(LossHessian.operator(net, x, y, loss), net.paramCount());
            assertTrue(Oracles.relErr(got, want) < 1e-6, loss + ": " + Oracles.relErr(got, want));
        }
    }

    @Test
    void topEigenvaluesMatchTheDenseHessian() {
        INDArray dense = Oracles.dense(LossHessian.operator(net, x, y, Loss.MSE), net.paramCount());
        double[] want = java.util.Arrays.copyOf(Oracles.eigenvaluesDescending(dense), 3);
        assertArrayEquals(want, LossHessian.topEigenvalues(net, x, y, Loss.MSE, 3), 1e-9);
    }
}
