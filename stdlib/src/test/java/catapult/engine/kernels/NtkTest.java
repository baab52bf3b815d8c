package catapult.engine.kernels;

import catapult.engine.models.Model;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NtkTest {

    @BeforeAll
    static void float64() {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE); catapult.numerics.Precision.set(DataType.DOUBLE);
    }

    private static INDArray inputs(int n, int d, long seed) {
        return Nd4j.randn(Nd4j.create(DataType.DOUBLE, n, d), seed);
    }

    @Test
    void singleOutputEqualsJJtFromForwardMode() {
        TwoLayerNet net = new TwoLayerNet(3, 6, 1, 1);
        INDArray x = inputs(5, 3, 2);
        INDArray j = Oracles.jacobianByJvp(net, x);
        INDArray k = Ntk.of(net, x);
        assertEquals(5, k.rows());
        assertTrue(Oracles.relErr(k, j.mmul(j.transpose())) < 1e-12);
    }

    @Test
    void multiOutputIsExampleMajor() {
        TwoLayerNet net = new TwoLayerNet(2, 4, 3, 3);
        INDArray x = inputs(4, 2, 4);
        INDArray j = Oracles.jacobianByJvp(net, x);   // rows i*k + j by construction (reshape of n x k)
        INDArray k = Ntk.of(net, x);
        assertEquals(12, k.rows());
        assertTrue(Oracles.relErr(k, j.mmul(j.transpose())) < 1e-12);
        // entry (i*k + a, i'*k + b) = <grad f_a(x_i), grad f_b(x_i')>, checked against single-example passes
        INDArray g1 = net.forward(x.getRow(1).reshape(1, 2)).vjp(Nd4j.create(new double[][] {{0, 0, 1}}));
        INDArray g3 = net.forward(x.getRow(3).reshape(1, 2)).vjp(Nd4j.create(new double[][] {{1, 0, 0}}));
        assertEquals(Nd4j.getBlasWrapper().dot(g1, g3), k.getDouble(1 * 3 + 2, 3 * 3), 1e-12);
    }

    @Test
    void symmetricAndPositiveSemidefinite() {
        TwoLayerNet net = new TwoLayerNet(4, 3, 2, 5);
        INDArray x = inputs(9, 4, 6);   // 18 rows > 15 params: K is rank deficient, still PSD
        INDArray k = Ntk.of(net, x);
        assertTrue(Oracles.maxAbsDiff(k, k.transpose()) < 1e-12);
        double[] eig = Oracles.eigenvaluesDescending(k);
        assertTrue(eig[eig.length - 1] > -1e-10 * eig[0], "smallest eigenvalue " + eig[eig.length - 1]);
    }

    @Test
    void tinyBudgetGivesTheSameKernelBlockByBlock() {
        TwoLayerNet net = new TwoLayerNet(3, 4, 2, 7);
        INDArray x = inputs(7, 3, 8);
        INDArray full = Ntk.byJacobian(net, x, Long.MAX_VALUE / 4);
        long threeRows = 3 * net.paramCount() * 8;   // blocks of one example (2 rows), several blocks
        INDArray chunked = Ntk.byJacobian(net, x, threeRows);
        assertTrue(Oracles.maxAbsDiff(full, chunked) < 1e-13);
    }

    @Test
    void operatorAppliesTheKernel() {
        TwoLayerNet net = new TwoLayerNet(3, 4, 2, 9);
        INDArray x = inputs(5, 3, 10);
        INDArray viaOperator = Oracles.dense(Ntk.operator(net, x), 10);
        assertTrue(Oracles.relErr(viaOperator, Ntk.of(net, x)) < 1e-12);
    }

    @Test
    void usesTheModelsStructuredKernelWhenOffered() {
        INDArray marker = Nd4j.eye(3);
        Model structured = new StructuredTwoLayerNet(marker);
        assertTrue(Ntk.of(structured, inputs(3, 2, 1)) == marker);
    }

    @Test
    void rejectsInputsOfTheWrongWidth() {
        TwoLayerNet net = new TwoLayerNet(3, 4, 1, 9);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Ntk.of(net, inputs(5, 4, 1)));
        assertTrue(e.getMessage().contains("expects [3]"), e.getMessage());
    }

    /** A model announcing a structured kernel (here a fixed marker) to check the dispatch. */
    private static final class StructuredTwoLayerNet implements Model, HasStructuredNtk {
        private final TwoLayerNet net = new TwoLayerNet(2, 3, 1, 0);
        private final INDArray marker;

        StructuredTwoLayerNet(INDArray marker) { this.marker = marker; }
        public INDArray structuredNtk(INDArray x) { return marker; }
        public long paramCount() { return net.paramCount(); }
        public int outputCount() { return 1; }
        public long[] inputShape() { return net.inputShape(); }
        public INDArray params() { return net.params(); }
        public INDArray initialParams() { return net.initialParams(); }
        public INDArray predict(INDArray x) { return net.predict(x); }
        public Pass forward(INDArray x) { return net.forward(x); }
        public INDArray jvp(INDArray x, INDArray v) { return net.jvp(x, v); }
        public INDArray hvp(INDArray x, INDArray c, INDArray v) { return net.hvp(x, c, v); }
        public Model copy() { return this; }
        public Model withParams(INDArray w) { return this; }
        public String describe() { return "structured"; }
    }
}
