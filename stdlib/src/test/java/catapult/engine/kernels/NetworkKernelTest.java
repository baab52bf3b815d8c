package catapult.engine.kernels;

import catapult.engine.autodiff.Activation;
import catapult.engine.graph.GraphBuilder;
import catapult.engine.graph.Network;
import catapult.engine.graph.Node;
import catapult.engine.models.LinearModel;
import catapult.engine.models.Model;
import catapult.engine.models.QuadraticModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The kernel code on the engine's DAG networks: exactness of the NTK routes and closed forms. */
class NetworkKernelTest {

    @BeforeAll
    static void float64() {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE); catapult.numerics.Precision.set(DataType.DOUBLE);
    }

    /** A small DenseNet-style DAG with biases, k outputs and optionally dropped edges. */
    static Network denseDag(int d, int width, int k, double drop, long seed) {
        GraphBuilder g = new GraphBuilder();
        Node x = g.input(d);
        Node h1 = g.activation(g.dense(List.of(x), width, true, drop, null, true), Activation.TANH);
        Node h2 = g.activation(g.dense(List.of(x, h1), width, false, drop, null, true), Activation.RELU);
        g.output(g.dense(List.of(h1, h2), k, false, 0.0, null, true));
        return g.build(seed, 1.0, "ntk");
    }

    static Network twoLayerRelu(int d, int width, long seed) {
        GraphBuilder g = new GraphBuilder();
        Node h = g.activation(g.dense(g.input(d), width), Activation.RELU);
        g.output(g.dense(h, 1));
        return g.build(seed, 1.0, "ntk");
    }

    @Test
    void structuredKernelEqualsForwardModeJJt() {
        assertKernelRoutesExact(0.0);
    }

    @Test
    void structuredKernelWithDroppedEdgesEqualsForwardModeJJt() {
        assertKernelRoutesExact(0.3);
    }

    private static void assertKernelRoutesExact(double drop) {
        for (int k : new int[] {1, 3}) {
            Network net = denseDag(3, 4, k, drop, 7);
            INDArray x = Nd4j.randn(Nd4j.create(DataType.DOUBLE, 5, 3), 8);
            INDArray j = Oracles.jacobianByJvp(net, x);
            INDArray want = j.mmul(j.transpose());
            assertTrue(Oracles.relErr(Ntk.of(net, x), want) < 1e-12, "structured, k=" + k);
            assertTrue(Oracles.relErr(Ntk.byJacobian(net, x, 1 << 20), want) < 1e-12, "contraction, k=" + k);
        }
    }

    @Test
    void linearAndQuadraticModelsUseTheirOwnKernelsExactly() {
        Network net = denseDag(3, 4, 2, 0.0, 5);
        INDArray x = Nd4j.randn(Nd4j.create(DataType.DOUBLE, 4, 3), 6);
        INDArray shift = Nd4j.randn(Nd4j.create(DataType.DOUBLE, net.paramCount()), 7).muli(0.3);
        for (Model m : new Model[] {new LinearModel(net), new QuadraticModel(net)}) {
            Model moved = m.withParams(m.params().add(shift));
            INDArray j = Oracles.jacobianByJvp(moved, x);
            assertTrue(Oracles.relErr(Ntk.of(moved, x), j.mmul(j.transpose())) < 1e-12, moved.describe());
        }
    }

    @Test
    void convolutionalNetsFallBackToTheExactContraction() {
        GraphBuilder g = new GraphBuilder();
        Node c = g.activation(g.conv(g.input(4, 4, 1), 2, 3, 1, "same", false), Activation.RELU);
        g.output(g.dense(g.flatten(c), 1));
        Network net = g.build(3, 1.0, "ntk");
        INDArray x = Nd4j.randn(Nd4j.create(DataType.DOUBLE, 3, 4, 4, 1), 4);
        INDArray j = Oracles.jacobianByJvp(net, x);
        assertTrue(Oracles.relErr(Ntk.of(net, x), j.mmul(j.transpose())) < 1e-12);
    }

    /**
     * Fig. 3.3 setup at width 5000: f(x) = v . relu(u x) / sqrt(m), d = 1, u, v ~ N(0, 1).
     * K(x, x') = (1/m) sum_i [relu(u_i x) relu(u_i x') + v_i^2 1[u_i x > 0] 1[u_i x' > 0] x x'].
     * For x x' > 0 both indicators are on iff sign(u_i) = sign(x) (probability 1/2) and
     * E[u^2 1[u > 0]] = 1/2, so the limit is x x' (1/2 + 1/2) = x x'; for x x' < 0 no neuron is
     * active on both, so K = 0. Hence K_inf(x, x') = x x' 1[x x' > 0].
     */
    @Test
    void wideTwoLayerReluMatchesTheInfiniteWidthKernel() {
        int n = 128;
        INDArray signs = Nd4j.rand(Nd4j.create(DataType.DOUBLE, n, 1), 11).gt(0.5).castTo(DataType.DOUBLE)
                .muli(2).subi(1);
        INDArray x = Nd4j.randn(Nd4j.create(DataType.DOUBLE, n, 1), 12).addi(signs.mul(2));
        INDArray k = Ntk.of(twoLayerRelu(1, 5000, 13), x);
        INDArray outer = x.mmul(x.transpose());
        INDArray kInf = outer.mul(outer.gt(0).castTo(DataType.DOUBLE));
        double rel = k.sub(kInf).norm2Number().doubleValue() / kInf.norm2Number().doubleValue();
        assertTrue(rel < 0.08, "relative Frobenius error " + rel);
    }

    /** Theorem 2.3.6 at init: ||H_f|| ~ 1/sqrt(m) for a 3-layer ReLU net (cheap widths; full range in the bench script). */
    @Test
    void hessianNormFallsLikeOneOverSqrtWidth() {
        INDArray x = Nd4j.randn(Nd4j.create(DataType.DOUBLE, 4, 10), 21);
        double[] widths = {32, 128, 512};
        double[] norms = new double[widths.length];
        for (int i = 0; i < widths.length; i++) {
            norms[i] = HessianNorm.of(threeLayerRelu(10, (int) widths[i], 22), x, 1e-3);
        }
        double slope = Math.log(norms[2] / norms[0]) / Math.log(widths[2] / widths[0]);
        assertTrue(slope > -0.65 && slope < -0.35, "log-log slope " + slope + " norms " + java.util.Arrays.toString(norms));
    }

    static Network threeLayerRelu(int d, int width, long seed) {
        GraphBuilder g = new GraphBuilder();
        Node h1 = g.activation(g.dense(g.input(d), width), Activation.RELU);
        Node h2 = g.activation(g.dense(h1, width), Activation.RELU);
        g.output(g.dense(h2, 1));
        return g.build(seed, 1.0, "ntk");
    }
}
