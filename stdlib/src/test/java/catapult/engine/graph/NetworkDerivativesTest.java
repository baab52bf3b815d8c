package catapult.engine.graph;

import catapult.engine.autodiff.Activation;
import catapult.engine.testing.Derivatives;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

/** Every builder and activation: gradients, input gradients, jvp and hvp vs finite differences. */
class NetworkDerivativesTest {
    private static final double TOL = 1e-6;

    @BeforeAll
    static void float64() { Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE); catapult.numerics.Precision.set(DataType.DOUBLE); }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void denseWithEachActivation(Activation act) {
        GraphBuilder g = new GraphBuilder();
        Node x = g.input(3);
        Node h = g.activation(g.dense(List.of(x), 4, true, 0.0, null, true), act);
        Node h2 = g.activation(g.dense(List.of(h), 3, false, 0.0, null, true), act);
        g.output(g.dense(List.of(h2), 2, true, 0.0, null, true));
        Network net = g.build(1, 1.0, "ntk");
        Derivatives.checkAll(net, Derivatives.randn(3, 5, 3), TOL);
    }

    @Test
    void denseNetWithDroppedEdgesAndSeveralSources() {
        GraphBuilder g = new GraphBuilder();
        Node x = g.input(4);
        Node h1 = g.activation(g.dense(List.of(x), 5, true, 0.5, null, true), Activation.TANH);
        Node h2 = g.activation(g.dense(List.of(x, h1), 5, false, 0.5, null, true), Activation.SWISH);
        g.output(g.dense(List.of(x, h1, h2), 1, true, 0.0, null, true));
        Network net = g.build(7, 1.0, "ntk");
        Derivatives.checkAll(net, Derivatives.randn(4, 3, 4), TOL);
    }

    @Test
    void bottleneckFrozenSkipScaleConcat() {
        GraphBuilder g = new GraphBuilder();
        Node x = g.input(4);
        Node h = g.activation(g.dense(List.of(x), 6, false, 0.0, null, false), Activation.GELU);
        Node b = g.dense(List.of(h), 1, false, 0.0, 1, true);
        Node h2 = g.activation(g.dense(List.of(h), 6, true, 0.0, 3, true), Activation.SIGMOID);
        Node skip = g.add(h2, g.scale(0.5, h));
        g.output(g.dense(List.of(g.concat(List.of(skip, b))), 2, false, 0.0, null, true));
        Network net = g.build(3, 1.0, "ntk");
        Derivatives.checkAll(net, Derivatives.randn(5, 3, 4), TOL);
    }

    @Test
    void convPoolFlattenOnImages() {
        GraphBuilder g = new GraphBuilder();
        Node x = g.input(5, 5, 2);
        Node c1 = g.activation(g.conv(x, 3, 3, 1, "same", true), Activation.TANH);
        Node c2 = g.activation(g.conv(c1, 2, 2, 2, "valid", false), Activation.SOFTPLUS);
        Node cat = g.concat(List.of(g.avgpool(c1, 2), g.avgpool(g.concat(List.of(c1, c1)), 2)));
        Node f = g.concat(List.of(g.flatten(cat), g.flatten(c2)));
        g.output(g.dense(f, 1));
        Network net = g.build(5, 1.0, "ntk");
        Derivatives.checkAll(net, Derivatives.randn(6, 2, 5, 5, 2), TOL);
    }

    @Test
    void fusedLossHessianVectorProductMatchesItsParts() {
        GraphBuilder g = new GraphBuilder();
        Node x = g.input(3);
        Node h = g.activation(g.dense(List.of(x), 5, true, 0.0, null, true), Activation.TANH);
        g.output(g.dense(h, 1), g.dense(h, 1));
        Network net = g.build(2, 1.0, "ntk");
        org.nd4j.linalg.api.ndarray.INDArray xs = Derivatives.randn(1, 4, 3);
        org.nd4j.linalg.api.ndarray.INDArray r = Derivatives.randn(2, 4, 2);
        org.nd4j.linalg.api.ndarray.INDArray w = Derivatives.randn(3, 4, 2);
        org.nd4j.linalg.api.ndarray.INDArray v = Derivatives.randn(4, net.paramCount());
        org.nd4j.linalg.api.ndarray.INDArray fused = net.lossHvp(xs, r, w, v);
        org.nd4j.linalg.api.ndarray.INDArray parts;
        try (catapult.engine.models.Model.Pass p = net.forward(xs)) { parts = p.vjp(net.jvp(xs, v).mul(w)); }
        parts.addi(net.hvp(xs, r, v));
        org.junit.jupiter.api.Assertions.assertTrue(fused.sub(parts).amaxNumber().doubleValue() < 1e-12);
    }

    @Test
    void standardParameterizationAndTwoOutputs() {
        GraphBuilder g = new GraphBuilder();
        Node x = g.input(3);
        Node h = g.activation(g.dense(List.of(x), 4, true, 0.0, null, true), Activation.ERF);
        g.output(g.dense(h, 1), g.dense(List.of(h, x), 1, true, 0.0, null, true));
        Network net = g.build(9, 1.0, "standard");
        Derivatives.checkAll(net, Derivatives.randn(8, 4, 3), TOL);
    }
}
