package catapult.engine.kernels;

import catapult.engine.models.Model;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Validates the hand-written test model against finite differences, so it can serve as an oracle. */
class TwoLayerNetTest {

    @BeforeAll
    static void float64() {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE); catapult.numerics.Precision.set(DataType.DOUBLE);
    }

    private final TwoLayerNet net = new TwoLayerNet(3, 5, 2, 11);
    private final INDArray x = Nd4j.randn(Nd4j.create(DataType.DOUBLE, 4, 3), 12);

    @Test
    void jvpMatchesFiniteDifferences() {
        INDArray viaJvp = Oracles.jacobianByJvp(net, x);
        INDArray viaFd = Oracles.jacobianByDifferences(net, x, 1e-6);
        assertTrue(Oracles.relErr(viaJvp, viaFd) < 1e-7, "jvp vs FD");
    }

    @Test
    void vjpIsTheTransposeOfJvp() {
        INDArray c = Nd4j.randn(Nd4j.create(DataType.DOUBLE, 4, 2), 13);
        INDArray j = Oracles.jacobianByJvp(net, x);
        INDArray want = j.transpose().mmul(c.reshape(8, 1)).reshape(net.paramCount());
        assertTrue(Oracles.relErr(net.forward(x).vjp(c), want) < 1e-12, "vjp vs J'c");
    }

    @Test
    void hvpMatchesDifferencesOfTheGradient() {
        INDArray c = Nd4j.randn(Nd4j.create(DataType.DOUBLE, 4, 2), 14);
        INDArray dir = Nd4j.randn(Nd4j.create(DataType.DOUBLE, net.paramCount()), 15);
        double h = 1e-5;
        INDArray plus = shifted(net, dir, h).forward(x).vjp(c);
        INDArray minus = shifted(net, dir, -h).forward(x).vjp(c);
        INDArray want = plus.sub(minus).divi(2 * h);
        assertTrue(Oracles.relErr(net.hvp(x, c, dir), want) < 1e-7, "hvp vs FD");
    }

    private static Model shifted(Model m, INDArray dir, double h) {
        return m.withParams(m.params().add(dir.mul(h)));
    }
}
