package catapult.engine.kernels;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HessianNormTest {

    @BeforeAll
    static void float64() {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE); catapult.numerics.Precision.set(DataType.DOUBLE);
    }

    @Test
    void oneInputGivesTheSpectralNormOfItsOutputHessian() {
        TwoLayerNet net = new TwoLayerNet(3, 6, 1, 41);
        INDArray x = Nd4j.randn(Nd4j.create(DataType.DOUBLE, 1, 3), 42);
        INDArray h = Oracles.dense(v -> net.hvp(x, Nd4j.ones(1, 1), v), net.paramCount());
        double[] eig = Oracles.eigenvaluesDescending(h);
        double want = Math.max(Math.abs(eig[0]), Math.abs(eig[eig.length - 1]));
        assertEquals(want, HessianNorm.of(net, x), 1e-9 * want);
    }

    @Test
    void severalInputsAndOutputsUseTheMeanOutput() {
        TwoLayerNet net = new TwoLayerNet(2, 4, 3, 43);
        INDArray x = Nd4j.randn(Nd4j.create(DataType.DOUBLE, 5, 2), 44);
        INDArray mean = Nd4j.valueArrayOf(new long[] {5, 3}, 1.0 / 15);
        INDArray h = Oracles.dense(v -> net.hvp(x, mean, v), net.paramCount());
        double[] eig = Oracles.eigenvaluesDescending(h);
        double want = Math.max(Math.abs(eig[0]), Math.abs(eig[eig.length - 1]));
        assertEquals(want, HessianNorm.of(net, x), 1e-9 * want);
    }

    @Test
    void maxOverExamplesIsTheLargestPerInputPerOutputNorm() {
        TwoLayerNet net = new TwoLayerNet(2, 4, 2, 47);
        INDArray x = Nd4j.randn(Nd4j.create(DataType.DOUBLE, 3, 2), 48);
        double want = 0;
        for (int i = 0; i < 3; i++) {
            INDArray row = x.getRow(i).reshape(1, 2).dup();
            for (int j = 0; j < 2; j++) {
                INDArray w = Nd4j.zeros(DataType.DOUBLE, 1, 2);
                w.putScalar(0, j, 1.0);
                double[] eig = Oracles.eigenvaluesDescending(Oracles.dense(v -> net.hvp(row, w, v), net.paramCount()));
                want = Math.max(want, Math.max(Math.abs(eig[0]), Math.abs(eig[eig.length - 1])));
            }
        }
        assertEquals(want, HessianNorm.maxOverExamples(net, x), 1e-8 * want);
        assertTrue(HessianNorm.of(net, x) <= want * (1 + 1e-8), "the mean output's Hessian is no larger");
    }

    @Test
    void shrinksWithWidthForTheTwoLayerNet() {
        INDArray x = Nd4j.randn(Nd4j.create(DataType.DOUBLE, 1, 4), 45);
        double narrow = HessianNorm.of(new TwoLayerNet(4, 64, 1, 46), x);
        double wide = HessianNorm.of(new TwoLayerNet(4, 1024, 1, 46), x);
        double slope = Math.log(wide / narrow) / Math.log(1024.0 / 64);
        assertTrue(slope > -0.75 && slope < -0.3, "log-log slope " + slope);
    }
}
