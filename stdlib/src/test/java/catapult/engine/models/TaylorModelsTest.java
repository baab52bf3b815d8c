package catapult.engine.models;

import catapult.engine.autodiff.Activation;
import catapult.engine.graph.GraphBuilder;
import catapult.engine.graph.Network;
import catapult.engine.graph.Node;
import catapult.engine.testing.Derivatives;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Linear and quadratic models: Taylor order, closed form (Eq. 3.10), derivatives. */
class TaylorModelsTest {

    @BeforeAll
    static void float64() { Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE); catapult.numerics.Precision.set(DataType.DOUBLE); }

    private static Network twoLayer(int d, int m, Activation act) {
        GraphBuilder g = new GraphBuilder();
        Node h = g.activation(g.dense(g.input(d), m), act);
        g.output(g.dense(h, 1));
        return g.build(3, 1.0, "ntk");
    }

    @Test
    void alongARayQuadraticErrorIsCubicAndLinearErrorQuadratic() {
        Network net = twoLayer(5, 64, Activation.TANH);
        INDArray x = Derivatives.randn(1, 8, 5);
        INDArray dir = Derivatives.randn(2, net.paramCount()).muli(0.5);
        double[] lin = new double[4];
        double[] quad = new double[4];
        for (int k = 0; k < 4; k++) {
            double t = Math.pow(2, -(k + 2));
            INDArray w = net.params().add(dir.mul(t));
            INDArray f = net.withParams(w).predict(x);
            lin[k] = f.sub(new LinearModel(net).withParams(w).predict(x)).amaxNumber().doubleValue();
            quad[k] = f.sub(new QuadraticModel(net).withParams(w).predict(x)).amaxNumber().doubleValue();
        }
        for (int k = 1; k < 4; k++) {
            double rl = lin[k - 1] / lin[k];
            double rq = quad[k - 1] / quad[k];
            assertTrue(rl > 3.4 && rl < 4.6, "linear error ratio per halving ~4, got " + rl);
            assertTrue(rq > 6.8 && rq < 9.2, "quadratic error ratio per halving ~8, got " + rq);
        }
    }

    @Test
    void reluNqmEqualsTheClosedFormOfEq310() {
        int d = 6, m = 40, n = 7;
        Network net = twoLayer(d, m, Activation.RELU);
        INDArray x = Derivatives.randn(4, n, d);
        INDArray w0 = net.params().dup();
        INDArray delta = Derivatives.randn(5, net.paramCount()).muli(0.3);
        INDArray u0 = w0.get(interval(0, m * d)).reshape('c', m, d);
        INDArray v0 = w0.get(interval(m * d, m * d + m)).reshape(m, 1);
        INDArray du = delta.get(interval(0, m * d)).reshape('c', m, d);
        INDArray dv = delta.get(interval(m * d, m * d + m)).reshape(m, 1);
        INDArray z = x.mmul(u0.transpose()).divi(Math.sqrt(d));
        INDArray s = Transforms.step(z, true);
        INDArray sdz = s.mul(x.mmul(du.transpose()).divi(Math.sqrt(d)));
        INDArray f0 = Transforms.relu(z, true).mmul(v0).divi(Math.sqrt(m));
        INDArray jd = Transforms.relu(z, true).mmul(dv).addi(sdz.mmul(v0)).divi(Math.sqrt(m));
        INDArray dhd = sdz.mmul(dv).muli(2.0 / Math.sqrt(m));
        INDArray want = f0.add(jd).addi(dhd.mul(0.5));
        QuadraticModel quad = new QuadraticModel(net);
        quad.params().addi(delta);
        assertEquals(0.0, want.sub(quad.predict(x)).amaxNumber().doubleValue(), 1e-12);
        INDArray r = Derivatives.randn(6, n, 1);
        INDArray gv = Transforms.relu(z, true).add(sdz).transpose().mmul(r).divi(Math.sqrt(m));
        INDArray gu = r.mmul(v0.add(dv).transpose()).muli(s).transpose().mmul(x).divi(Math.sqrt(m * d));
        INDArray grad;
        try (Model.Pass p = quad.forward(x)) { grad = p.vjp(r); }
        assertEquals(0.0, grad.get(interval(0, m * d)).sub(gu.reshape('c', new long[]{m * d})).amaxNumber().doubleValue(), 1e-12);
        assertEquals(0.0, grad.get(interval(m * d, m * d + m)).sub(gv.reshape(m)).amaxNumber().doubleValue(), 1e-12);
    }

    @Test
    void linearModelDerivativesAndZeroHessian() {
        Network net = richNet();
        LinearModel lin = new LinearModel(net);
        lin.params().addi(Derivatives.randn(7, net.paramCount()).muli(0.4));
        INDArray x = Derivatives.randn(8, 3, 3);
        INDArray c = Derivatives.randn(9, 3, 2);
        Derivatives.checkParamGradient(lin, x, c, 1e-6);
        Derivatives.checkInputGradient(lin, x, c, 1e-6);
        Derivatives.checkJvp(lin, x, Derivatives.randn(10, net.paramCount()), 1e-6);
        assertEquals(0.0, lin.hvp(x, c, Derivatives.randn(10, net.paramCount())).amaxNumber().doubleValue(), 0.0);
    }

    @Test
    void quadraticModelDerivatives() {
        Network net = richNet();
        QuadraticModel quad = new QuadraticModel(net);
        quad.params().addi(Derivatives.randn(11, net.paramCount()).muli(0.4));
        INDArray x = Derivatives.randn(12, 3, 3);
        INDArray c = Derivatives.randn(13, 3, 2);
        INDArray v = Derivatives.randn(14, net.paramCount());
        Derivatives.checkParamGradient(quad, x, c, 1e-6);
        Derivatives.checkJvp(quad, x, v, 1e-6);
        Derivatives.checkHvp(quad, x, c, v, 1e-6);
        // the quadratic model's Hessian is the network's at w0
        double err = quad.hvp(x, c, v).sub(net.hvp(x, c, v)).amaxNumber().doubleValue();
        assertTrue(err < 1e-12, "H_quad = H_f(w0): " + err);
    }

    @Test
    void modelsStartAtTheNetworkAndCopiesAreIndependent() {
        Network net = richNet();
        INDArray x = Derivatives.randn(15, 4, 3);
        for (Model m : List.of(new LinearModel(net), new QuadraticModel(net))) {
            assertEquals(0.0, m.predict(x).sub(net.predict(x)).amaxNumber().doubleValue(), 1e-12);
            Model c = m.copy();
            c.params().addi(1.0);
            assertEquals(0.0, m.params().sub(net.params()).amaxNumber().doubleValue(), 0.0);
            assertEquals(net, m.base());
        }
    }

    private static Network richNet() {
        GraphBuilder g = new GraphBuilder();
        Node x = g.input(3);
        Node h = g.activation(g.dense(List.of(x), 5, true, 0.2, null, true), Activation.SOFTPLUS);
        Node h2 = g.activation(g.dense(List.of(x, h), 4, true, 0.0, null, true), Activation.TANH);
        g.output(g.dense(List.of(h2), 2, true, 0.0, null, true));
        return g.build(2, 1.0, "ntk");
    }

    private static org.nd4j.linalg.indexing.INDArrayIndex interval(long a, long b) {
        return org.nd4j.linalg.indexing.NDArrayIndex.interval(a, b);
    }
}
