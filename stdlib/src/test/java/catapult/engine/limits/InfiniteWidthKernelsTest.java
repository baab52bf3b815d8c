package catapult.engine.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import catapult.engine.autodiff.Activation;
import catapult.engine.graph.GraphBuilder;
import catapult.engine.graph.Network;
import catapult.engine.graph.Node;
import java.util.List;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The infinite-width kernels against independent oracles: the closed form of the thesis's
 * Fig. 3.3 network, and the empirical kernels of wide random initializations (Monte Carlo).
 */
class InfiniteWidthKernelsTest {

    @BeforeAll
    static void float64() {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    }

    /** An architecture recorded on a builder at a given width. */
    private static GraphBuilder arch(int width, BiConsumer<GraphBuilder, Integer> body) {
        GraphBuilder g = new GraphBuilder();
        body.accept(g, width);
        return g;
    }

    /** f = (1/sqrt(m)) sum_i v_i relu(u_i x), x scalar, no biases (thesis Eq. 3.9 with d = 1). */
    private static void twoLayerRelu(GraphBuilder g, int m) {
        g.output(g.dense(g.activation(g.dense(g.input(1), m), Activation.RELU), 1));
    }

    private static INDArray limit(GraphBuilder g, INDArray x, InfiniteWidthKernels.Kind kind) {
        return InfiniteWidthKernels.of(g.graph(), x, 1.0, kind);
    }

    @Test
    void fig33NetworkHasTheClosedFormOfAppendixB11() {
        // K_ij = (1/m) sum_k (u_k^2 + v_k^2) x_i x_j 1{u_k x_i >= 0} 1{u_k x_j >= 0} (Prop. B.11.1)
        // has the expectation x_i x_j when x_i and x_j have the same sign and 0 otherwise.
        double[] xs = {-2.7, -1.1, -0.2, 0.4, 1.9, 3.0};
        INDArray x = Nd4j.createFromArray(xs).reshape(xs.length, 1);
        INDArray ntk = limit(arch(64, InfiniteWidthKernelsTest::twoLayerRelu), x, InfiniteWidthKernels.Kind.NTK);
        INDArray nngp = limit(arch(64, InfiniteWidthKernelsTest::twoLayerRelu), x, InfiniteWidthKernels.Kind.NNGP);
        for (int i = 0; i < xs.length; i++) {
            for (int j = 0; j < xs.length; j++) {
                double same = xs[i] * xs[j] > 0 ? xs[i] * xs[j] : 0.0;
                assertEquals(same, ntk.getDouble(i, j), 1e-12, "K(" + xs[i] + ", " + xs[j] + ")");
                assertEquals(same / 2, nngp.getDouble(i, j), 1e-12, "NNGP(" + xs[i] + ", " + xs[j] + ")");
            }
        }
    }

    @Test
    void wideTwoLayerKernelsConvergeToTheLimitLikeOneOverSqrtWidth() {
        BiConsumer<GraphBuilder, Integer> net = (g, m) ->
                g.output(g.dense(g.activation(g.dense(List.of(g.input(2)), m, true, 0, null, true), Activation.RELU), 1));
        INDArray x = Nd4j.createFromArray(new double[][] {{1.0, -0.5}, {0.3, 2.0}, {-1.2, -0.7}, {0.8, 0.1}});
        INDArray lim = limit(arch(16, net), x, InfiniteWidthKernels.Kind.NTK);
        int[] widths = {512, 2048, 8192};
        double[] err = new double[widths.length];
        INDArray mean = null;
        int seeds = 6;
        for (int w = 0; w < widths.length; w++) {
            mean = Nd4j.zeros(DataType.DOUBLE, 4, 4);
            for (int s = 0; s < seeds; s++) {
                INDArray k = arch(widths[w], net).build(s, 1.0, "ntk").structuredNtk(x);
                err[w] += relative(k, lim) / seeds;
                mean.addi(k.div(seeds));
            }
        }
        double slope = slope(widths, err);
        assertTrue(slope < -0.35 && slope > -0.7, "log-log slope of |K_m - K_inf| / |K_inf| against m: " + slope);
        assertTrue(relative(mean, lim) < 0.02, "mean over seeds at width 8192 is off by " + relative(mean, lim));
    }

    @Test
    void denseNetWithDropsSkipsConcatFrozenAndQuadratureMatchesTheMeanEmpiricalKernel() {
        BiConsumer<GraphBuilder, Integer> net = (g, m) -> {
            Node x = g.input(3);
            Node h1 = g.activation(g.dense(List.of(x), m, true, 0.5, null, true), Activation.RELU);
            Node h2 = g.activation(g.dense(List.of(x, h1), m, false, 0.3, null, true), Activation.TANH);
            Node h3 = g.add(h2, g.scale(0.5, g.activation(g.dense(List.of(h2), m, true, 0, null, true), Activation.ERF)));
            Node c = g.concat(List.of(h1, h3));
            Node frozen = g.activation(g.dense(List.of(c), m / 2, false, 0, null, false), Activation.RELU);
            g.output(g.dense(List.of(c, frozen), 2, true, 0, null, true));
        };
        INDArray x = Nd4j.createFromArray(new double[][] {{1.0, -0.5, 0.2}, {0.3, 2.0, -1.0}, {-1.2, -0.7, 0.4}});
        INDArray lim = limit(arch(8, net), x, InfiniteWidthKernels.Kind.NTK);
        assertMeanAgrees(net, 384, 8, x, lim);
    }

    @Test
    void indegreeOnInputsIsAnExactMaskAverageAndOnWideSourcesChangesNothing() {
        BiConsumer<GraphBuilder, Integer> sparse = (g, m) -> {
            Node h1 = g.activation(g.dense(List.of(g.input(4)), m, false, 0, 2, true), Activation.RELU);
            Node h2 = g.activation(g.dense(List.of(h1), m, false, 0, m / 2, true), Activation.RELU);
            g.output(g.dense(h2, 1));
        };
        BiConsumer<GraphBuilder, Integer> full = (g, m) -> {
            Node h1 = g.activation(g.dense(List.of(g.input(4)), m, false, 0, 2, true), Activation.RELU);
            g.output(g.dense(g.activation(g.dense(h1, m), Activation.RELU), 1));
        };
        INDArray x = Nd4j.createFromArray(new double[][] {{1.0, -0.5, 0.2, 2.0}, {0.3, 2.0, -1.0, 0.0}, {-1.2, -0.7, 0.4, 1.0}});
        INDArray lim = limit(arch(8, sparse), x, InfiniteWidthKernels.Kind.NTK);
        assertEquals(0.0, relative(limit(arch(8, full), x, InfiniteWidthKernels.Kind.NTK), lim), 1e-14);
        assertMeanAgrees(sparse, 512, 8, x, lim);
    }

    @Test
    void aBottleneckOfIndegreeOneIsRejected() {
        GraphBuilder g = new GraphBuilder();
        Node h = g.activation(g.dense(g.input(2), 8), Activation.RELU);
        g.at("net.cat:2:5");
        Node b = g.dense(List.of(h), 1, false, 0, 1, true);
        g.output(g.dense(g.activation(g.dense(b, 8), Activation.RELU), 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> limit(g, Nd4j.rand(DataType.DOUBLE, 2, 2), InfiniteWidthKernels.Kind.NTK));
        assertTrue(e.getMessage().startsWith("dense at net.cat:2:5 has indegree 1"), e.getMessage());
    }

    @Test
    void outputsOfOneDenseGroupGiveTheKernelTimesTheIdentity() {
        INDArray x = Nd4j.createFromArray(new double[][] {{1.0, -0.5}, {0.3, 2.0}, {-1.2, -0.7}});
        BiConsumer<GraphBuilder, Integer> one = (g, m) -> g.output(g.dense(g.activation(g.dense(g.input(2), m), Activation.GELU), 1));
        BiConsumer<GraphBuilder, Integer> three = (g, m) -> g.output(g.dense(g.activation(g.dense(g.input(2), m), Activation.GELU), 3));
        INDArray k = limit(arch(8, one), x, InfiniteWidthKernels.Kind.NTK);
        INDArray k3 = limit(arch(8, three), x, InfiniteWidthKernels.Kind.NTK);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                for (int a = 0; a < 3; a++) {
                    for (int b = 0; b < 3; b++) {
                        assertEquals(a == b ? k.getDouble(i, j) : 0.0, k3.getDouble(i * 3 + a, j * 3 + b), 1e-12);
                    }
                }
            }
        }
    }

    @Test
    void theLimitDoesNotDependOnTheWidthTheArchitectureWasRecordedAt() {
        BiConsumer<GraphBuilder, Integer> dense = (g, m) -> {
            Node x = g.input(2);
            Node h1 = g.activation(g.dense(x, m), Activation.RELU);
            Node h2 = g.activation(g.dense(List.of(x, h1), m, false, 0.5, null, true), Activation.RELU);
            g.output(g.dense(List.of(x, h1, h2), 1, false, 0.5, null, true));
        };
        INDArray x = Nd4j.createFromArray(new double[][] {{1.0, -0.5}, {0.3, 2.0}});
        INDArray small = limit(arch(4, dense), x, InfiniteWidthKernels.Kind.NTK);
        INDArray large = limit(arch(4096, dense), x, InfiniteWidthKernels.Kind.NTK);
        assertEquals(0.0, relative(small, large), 1e-14);
    }

    @Test
    void nngpIsTheCovarianceOfTheOutputsAtInitialization() {
        BiConsumer<GraphBuilder, Integer> net = (g, m) -> g.output(g.dense(
                g.activation(g.dense(List.of(g.input(2)), m, true, 0, null, true), Activation.TANH), 256));
        INDArray x = Nd4j.createFromArray(new double[][] {{1.0, -0.5}, {0.3, 2.0}, {-1.2, -0.7}});
        INDArray lim = limit(arch(8, net), x, InfiniteWidthKernels.Kind.NNGP);
        INDArray cov = Nd4j.zeros(DataType.DOUBLE, 3, 3);
        int seeds = 8;
        for (int s = 0; s < seeds; s++) {
            INDArray f = arch(2048, net).build(s, 1.0, "ntk").predict(x);   // 3 x 256: 256 samples per seed
            cov.addi(f.mmul(f.transpose()).div(256.0 * seeds));
        }
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double kij = lim.getDouble(i * 256, j * 256);   // nk x nk: output 0 of examples i and j
                double se = Math.sqrt((lim.getDouble(i * 256, i * 256) * lim.getDouble(j * 256, j * 256) + kij * kij)
                        / (256.0 * seeds));
                assertEquals(kij, cov.getDouble(i, j), 4 * se, "E[f(x_" + i + ") f(x_" + j + ")]");
            }
        }
    }

    @Test
    void convolutionsAreRejectedNamingWhereTheyWereBuilt() {
        GraphBuilder g = new GraphBuilder();
        Node img = g.input(4, 4, 1);
        g.at("net.cat:3:12");
        Node c = g.conv(img, 2, 3, 1, "same", false);
        g.output(g.dense(g.flatten(c), 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> limit(g, Nd4j.rand(DataType.DOUBLE, 2, 16), InfiniteWidthKernels.Kind.NTK));
        assertTrue(e.getMessage().startsWith("conv at net.cat:3:12: the infinite-width limit of a convolution"), e.getMessage());
    }

    @Test
    void anActivationOfASumWithANonlinearTermIsRejected() {
        GraphBuilder g = new GraphBuilder();
        Node h = g.activation(g.dense(g.input(2), 8), Activation.RELU);
        Node sum = g.add(g.dense(h, 8), h);
        g.at("net.cat:4:9");
        Node bad = g.activation(sum, Activation.RELU);
        g.output(g.dense(bad, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> limit(g, Nd4j.rand(DataType.DOUBLE, 2, 2), InfiniteWidthKernels.Kind.NTK));
        assertTrue(e.getMessage().startsWith("relu at net.cat:4:9: the limit of relu applied to a sum"), e.getMessage());
    }

    /** Every entry of the mean of `seeds` empirical kernels within 4 standard errors (+2% of the largest entry). */
    private static void assertMeanAgrees(BiConsumer<GraphBuilder, Integer> net, int width, int seeds, INDArray x, INDArray lim) {
        long side = lim.rows();
        INDArray sum = Nd4j.zeros(DataType.DOUBLE, side, side);
        INDArray sumSq = Nd4j.zeros(DataType.DOUBLE, side, side);
        for (int s = 0; s < seeds; s++) {
            Network n = arch(width, net).build(100 + s, 1.0, "ntk");
            INDArray k = n.structuredNtk(x);
            sum.addi(k);
            sumSq.addi(k.mul(k));
        }
        INDArray mean = sum.div(seeds);
        INDArray var = sumSq.div(seeds).subi(mean.mul(mean)).muli(seeds / (seeds - 1.0));
        double scale = lim.amaxNumber().doubleValue();
        for (int i = 0; i < side; i++) {
            for (int j = 0; j < side; j++) {
                double se = Math.sqrt(Math.max(0, var.getDouble(i, j)) / seeds);
                assertEquals(lim.getDouble(i, j), mean.getDouble(i, j), 4 * se + 0.02 * scale, "entry (" + i + ", " + j + ")");
            }
        }
    }

    private static double relative(INDArray a, INDArray b) {
        return a.sub(b).norm2Number().doubleValue() / b.norm2Number().doubleValue();
    }

    private static double slope(int[] xs, double[] ys) {
        double mx = 0;
        double my = 0;
        for (int i = 0; i < xs.length; i++) {
            mx += Math.log(xs[i]) / xs.length;
            my += Math.log(ys[i]) / ys.length;
        }
        double num = 0;
        double den = 0;
        for (int i = 0; i < xs.length; i++) {
            num += (Math.log(xs[i]) - mx) * (Math.log(ys[i]) - my);
            den += (Math.log(xs[i]) - mx) * (Math.log(xs[i]) - mx);
        }
        return num / den;
    }
}
