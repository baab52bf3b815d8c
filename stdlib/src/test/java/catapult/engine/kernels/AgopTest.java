package catapult.engine.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import catapult.engine.data.NamedTarget;
import catapult.engine.data.SharedFiles;
import catapult.engine.data.Target;
import catapult.engine.data.TargetGradients;
import catapult.engine.models.Model;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

class AgopTest {

    private DataType savedType;

    @BeforeEach
    void float64() {
        savedType = Nd4j.defaultFloatingPointType();
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE); catapult.numerics.Precision.set(DataType.DOUBLE);
    }

    @AfterEach
    void restore() {
        Nd4j.setDefaultDataTypes(savedType, savedType);
        catapult.numerics.Precision.set(savedType);
    }

    private static INDArray randn(long seed, long... shape) {
        return Nd4j.randn(seed, shape).castTo(DataType.DOUBLE);
    }

    private static double relErr(INDArray a, INDArray b) {
        return a.sub(b).norm2Number().doubleValue() / b.norm2Number().doubleValue();
    }

    @Test
    void matchesPyTorchReferenceOnTheBenchNetwork() {
        Path ref = SharedFiles.require("bench/ref");
        INDArray x = Nd4j.createFromNpyFile(ref.resolve("agop_X.npy").toFile());
        INDArray u = Nd4j.createFromNpyFile(ref.resolve("fcn2_U0.npy").toFile());
        INDArray v = Nd4j.createFromNpyFile(ref.resolve("fcn2_v0.npy").toFile());
        INDArray expected = Nd4j.createFromNpyFile(ref.resolve("agop_G.npy").toFile());
        INDArray g = Agop.agop(new TwoLayerRelu(u, v), x);
        assertEquals(DataType.FLOAT, g.dataType());
        assertEquals(0, relErr(g.castTo(DataType.DOUBLE), expected.castTo(DataType.DOUBLE)), 2e-5);
        assertEquals(0.51029, trace(g), 1e-4);
    }

    private static double trace(INDArray g) {
        double t = 0;
        for (int i = 0; i < g.rows(); i++) {
            t += g.getDouble(i, i);
        }
        return t;
    }

    @Test
    void equalsFiniteDifferenceAgopForSeveralOutputs() {
        TwoLayerRelu net = new TwoLayerRelu(randn(1, 40, 6), randn(2, 40, 3));
        INDArray x = randn(3, 25, 6);
        INDArray g = Agop.agop(net, x);
        Target asTarget = Target.of("net", net::predict);
        INDArray[] fd = TargetGradients.centralDifferences(asTarget, x);
        INDArray expected = Nd4j.zeros(DataType.DOUBLE, 6, 6);
        for (INDArray j : fd) {
            expected.addi(j.transpose().mmul(j).divi(25));
        }
        assertEquals(0, relErr(g, expected), 1e-6);
        assertTrue(relErr(g, expected.mul(1.01)) > 1e-3, "the comparison must be able to fail");
    }

    @Test
    void agopIsSymmetricPsdAndAcceptsImageShapedInputs() {
        TwoLayerRelu net = new TwoLayerRelu(randn(4, 30, 8), randn(5, 30, 1));
        INDArray x = randn(6, 10, 8);
        INDArray g = Agop.agop(net, x);
        assertEquals(0, g.sub(g.transpose()).norm2Number().doubleValue(), 1e-12);
        INDArray image = x.reshape('c', 10, 2, 2, 2);
        Model flatView = new ImageAdapter(net);
        assertEquals(0, relErr(Agop.agop(flatView, image), g), 1e-12);
    }

    @Test
    void namedTargetGradientsMatchCentralDifferences() {
        INDArray x = randn(7, 30, 12);
        for (NamedTarget t : NamedTarget.values()) {
            INDArray exact = t.inputGradient(x);
            INDArray fd = TargetGradients.centralDifferences(t, x)[0];
            assertEquals(0, relErr(exact, fd), 1e-8, t.label());
            assertEquals(0, relErr(Agop.egop(t, x), Agop.egop(Target.of("fd", t::apply), x)), 1e-8, t.label());
        }
    }

    @Test
    void rank2EgopIsTheClosedFormTwoByTwoBlock() {
        INDArray x = randn(8, 50, 5);
        INDArray g = Agop.egop(NamedTarget.RANK2, x);
        INDArray x1 = x.getColumn(0);
        INDArray x2 = x.getColumn(1);
        assertEquals(x2.mul(x2).meanNumber().doubleValue(), g.getDouble(0, 0), 1e-12);
        assertEquals(x1.mul(x1).meanNumber().doubleValue(), g.getDouble(1, 1), 1e-12);
        assertEquals(x1.mul(x2).meanNumber().doubleValue(), g.getDouble(0, 1), 1e-12);
        INDArray outsideBlock = g.dup();
        outsideBlock.get(NDArrayIndex.interval(0, 2), NDArrayIndex.interval(0, 2)).assign(0);
        assertEquals(0, Transforms.abs(outsideBlock).sumNumber().doubleValue(), 0);
    }

    @Test
    void alignmentIsTheCosineBetweenMatrices() {
        INDArray a = randn(9, 4, 4);
        INDArray b = randn(10, 4, 4);
        double dot = a.mul(b).sumNumber().doubleValue();
        double expected = dot / (a.norm2Number().doubleValue() * b.norm2Number().doubleValue());
        assertEquals(expected, Agop.alignment(a, b), 1e-12);
        assertEquals(1, Agop.alignment(a, a.mul(3)), 1e-12);
        assertEquals(-1, Agop.alignment(a, a.neg()), 1e-12);
        assertEquals(0, Agop.alignment(Nd4j.eye(2), Nd4j.createFromArray(new double[][] {{0, 1}, {1, 0}})), 0);
        assertTrue(Double.isNaN(Agop.alignment(Nd4j.zeros(2, 2), Nd4j.eye(2))));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Agop.alignment(a, Nd4j.eye(3)));
        assertTrue(e.getMessage().contains("different shapes"), e.getMessage());
    }

    /** Presents the flat-input test network as one taking n x 2 x 2 x 2 images. */
    private static final class ImageAdapter extends TwoLayerRelu {
        ImageAdapter(TwoLayerRelu net) {
            super(net.u, net.v);
        }

        @Override
        public Pass forward(INDArray x) {
            Pass flat = super.forward(x.reshape('c', x.size(0), 8));
            return new Pass() {
                @Override public INDArray output() { return flat.output(); }

                @Override public INDArray vjp(INDArray c) { return flat.vjp(c); }

                @Override public INDArray inputVjp(INDArray c) { return flat.inputVjp(c).reshape('c', x.shape()); }
            };
        }
    }

    /**
     * The bench's FCN2 written by hand for these tests (the engine's Network is another helper's
     * work): f(x) = V' relu(U x / sqrt(d)) / sqrt(m), V m x k for k outputs. Only what AGOP uses
     * is implemented.
     */
    static class TwoLayerRelu implements Model {
        final INDArray u;
        final INDArray v;

        TwoLayerRelu(INDArray u, INDArray v) {
            this.u = u;
            this.v = v.rank() == 1 ? v.reshape(v.length(), 1) : v;
        }

        @Override public long paramCount() { return u.length() + v.length(); }

        @Override public int outputCount() { return (int) v.size(1); }

        @Override public long[] inputShape() { return new long[] {u.size(1)}; }

        @Override public INDArray params() { return Nd4j.concat(0, u.reshape(-1), v.reshape(-1)); }

        @Override public INDArray initialParams() { return params(); }

        @Override public INDArray predict(INDArray x) { return forward(x).output(); }

        @Override
        public Pass forward(INDArray x) {
            double sd = Math.sqrt(u.size(1));
            double sm = Math.sqrt(u.size(0));
            INDArray z = Nd4j.gemm(x, u, false, true).divi(sd);
            INDArray a = Transforms.relu(z, true);
            INDArray out = Nd4j.gemm(a, v, false, false).divi(sm);
            return new Pass() {
                @Override public INDArray output() { return out; }

                @Override public INDArray vjp(INDArray c) { throw new UnsupportedOperationException("not used by AGOP"); }

                @Override
                public INDArray inputVjp(INDArray c) {
                    INDArray da = Nd4j.gemm(c, v, false, true).divi(sm);
                    da.muli(a.gt(0).castTo(da.dataType()));
                    return Nd4j.gemm(da, u, false, false).divi(sd);
                }
            };
        }

        @Override public INDArray jvp(INDArray x, INDArray w) { throw new UnsupportedOperationException("not used by AGOP"); }

        @Override public INDArray hvp(INDArray x, INDArray c, INDArray w) { throw new UnsupportedOperationException("not used by AGOP"); }

        @Override public Model copy() { return new TwoLayerRelu(u.dup(), v.dup()); }

        @Override public Model withParams(INDArray w) { throw new UnsupportedOperationException("not used by AGOP"); }

        @Override public String describe() { return "fcn2(test)"; }
    }
}
