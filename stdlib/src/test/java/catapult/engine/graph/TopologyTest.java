package catapult.engine.graph;

import catapult.engine.autodiff.Activation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Width, depth, edge counts, frozen groups, seeds, parameterizations and builder errors. */
class TopologyTest {

    @BeforeAll
    static void float64() { Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE); catapult.numerics.Precision.set(DataType.DOUBLE); }

    /** LANGUAGE.md's densenet: h_l sees x and all earlier h, each edge kept w.p. 1 - p. */
    private static Network denseNet(int width, double p, long seed) {
        GraphBuilder g = new GraphBuilder();
        Node x = g.input(10);
        Node h1 = g.activation(g.dense(List.of(x), width, false, p, null, true), Activation.RELU);
        Node h2 = g.activation(g.dense(List.of(x, h1), width, false, p, null, true), Activation.RELU);
        Node h3 = g.activation(g.dense(List.of(x, h1, h2), width, false, p, null, true), Activation.RELU);
        g.output(g.dense(List.of(x, h1, h2, h3), 1, false, 0.0, null, true));
        return g.build(seed, 1.0, "ntk");
    }

    @Test
    void denseNetWidthDepthAndParamsWithoutDrop() {
        Network net = denseNet(16, 0.0, 0);
        assertEquals(4, net.depth());
        assertEquals(10 + 16, net.width());     // min in-degree outside layers 0 and 1: h2
        assertEquals(10, net.indegreeMin());
        assertEquals(10 + 3 * 16, net.indegreeMax());
        long params = 16 * 10 + 16 * 26 + 16 * 42 + 58;
        assertEquals(params, net.paramCount());
        assertEquals(8, net.summary().size());          // input, 4 dense, 3 relu
    }

    @Test
    void droppedEdgesAreNotParametersAndScaleByTheirCount() {
        Network net = denseNet(64, 0.5, 1);
        long full = 64 * 10 + 64 * 74 + 64 * 138;
        long kept = net.paramCount() - 202;
        assertTrue(Math.abs(kept - full / 2.0) < 4 * Math.sqrt(full / 4.0), "about half the edges survive: " + kept);
        assertTrue(net.width() < 74 && net.width() > 20, "width counts surviving edges: " + net.width());
        assertEquals(net.paramCount(), denseNet(64, 0.5, 1).paramCount(), "same seed, same edges");
        assertFalse(net.params().equals(denseNet(64, 0.5, 2).params()), "another seed, other weights");
    }

    @Test
    void indegreeConnectsEachNeuronToExactlyK() {
        GraphBuilder g = new GraphBuilder();
        Node x = g.input(8);
        Node b = g.dense(List.of(x), 5, false, 0.0, 3, true);
        g.output(g.dense(List.of(b), 1, false, 0.0, 1, true));
        Network net = g.build(0, 1.0, "ntk");
        assertEquals(5 * 3 + 1, net.paramCount());
        assertEquals(1, net.indegreeMin());
        assertEquals(3, net.indegreeMax());
        assertEquals("3", net.summary().get(1).indegree());
    }

    @Test
    void frozenGroupsAreNotParametersButStillCompute() {
        GraphBuilder g = new GraphBuilder();
        Node x = g.input(4);
        Node h = g.activation(g.dense(List.of(x), 8, true, 0.0, null, false), Activation.TANH);
        g.output(g.dense(h, 1));
        Network net = g.build(0, 1.0, "ntk");
        assertEquals(8, net.paramCount());
        INDArray xs = Nd4j.rand(DataType.DOUBLE, 3, 4);
        INDArray y = net.predict(xs);
        net.params().assign(0.0);
        assertEquals(0.0, net.predict(xs).amaxNumber().doubleValue(), 0.0);
        assertTrue(y.amaxNumber().doubleValue() > 0);
    }

    @Test
    void seedsReproduceAndNtkDrawsStd() {
        Network a = mlp(200, 5, "ntk", 0.5);
        Network b = mlp(200, 5, "ntk", 0.5);
        assertEquals(a.params(), b.params());
        double sd = a.params().stdNumber().doubleValue();
        assertEquals(0.5, sd, 0.03);
    }

    @Test
    void standardParameterizationIsUniformWithinOneOverSqrtFanIn() {
        Network net = mlp(100, 7, "standard", 1.0);
        INDArray first = net.params().get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 100 * 20));
        assertTrue(first.amaxNumber().doubleValue() <= 1.0 / Math.sqrt(20));
        // no 1/sqrt(fan_in) factor: f equals the plain matrix products
        INDArray x = Nd4j.rand(DataType.DOUBLE, 2, 20);
        INDArray u = first.reshape('c', 100, 20);
        INDArray v = net.params().get(org.nd4j.linalg.indexing.NDArrayIndex.interval(2000, 2100)).reshape(100, 1);
        INDArray want = org.nd4j.linalg.ops.transforms.Transforms.relu(x.mmul(u.transpose()), true).mmul(v);
        assertEquals(0.0, want.sub(net.predict(x)).amaxNumber().doubleValue(), 1e-12);
    }

    @Test
    void imagesAreReshapedWhenSizesAgree() {
        GraphBuilder g = new GraphBuilder();
        Node x = g.input(4, 4, 2);
        g.output(g.dense(g.flatten(g.avgpool(g.conv(x, 3, 3, 1, "same", true), 2)), 2));
        Network net = g.build(0, 1.0, "ntk");
        INDArray img = Nd4j.rand(DataType.DOUBLE, 3, 4, 4, 2);
        assertEquals(net.predict(img), net.predict(img.reshape('c', 3, 32)));
        assertEquals(2, net.outputs());
        assertEquals(32, net.inputs());
        assertThrows(IllegalArgumentException.class, () -> net.predict(Nd4j.rand(DataType.DOUBLE, 3, 31)));
    }

    @Test
    void buildersRejectGraphsTheyCannotBuildInTermsOfTheGraph() {
        GraphBuilder g = new GraphBuilder();
        Node x = g.input(4);
        assertMessage("an in-degree of 9 is more than the 4 source neurons",
                () -> g.dense(List.of(x), 3, false, 0.0, 9, true));
        assertMessage("a convolution needs an image source (h, w, c), got shape [4]",
                () -> g.conv(x, 2, 3, 1, "same", false));
        assertMessage("cannot add nodes whose shapes differ: [4] vs [3]", () -> g.add(x, g.dense(x, 3)));
        g.output(x);
        assertMessage("the architecture already has its outputs; an architecture has exactly one output(...)", () -> g.output(x));
        assertMessage("unknown parameterization \"xavier\" (\"ntk\" or \"standard\")", () -> g.build(0, 1, "xavier"));
        GraphBuilder other = new GraphBuilder();
        assertMessage("the node belongs to another architecture", () -> other.dense(x, 2));
    }

    private static void assertMessage(String msg, Runnable r) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        assertEquals(msg, e.getMessage());
    }

    private static Network mlp(int width, long seed, String param, double std) {
        GraphBuilder g = new GraphBuilder();
        Node h = g.activation(g.dense(g.input(20), width), Activation.RELU);
        g.output(g.dense(h, 1));
        return g.build(seed, std, param);
    }
}
