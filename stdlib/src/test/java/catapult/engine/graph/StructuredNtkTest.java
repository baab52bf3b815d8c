package catapult.engine.graph;

import catapult.engine.autodiff.Activation;
import catapult.engine.models.LinearModel;
import catapult.engine.models.Model;
import catapult.engine.models.QuadraticModel;
import catapult.engine.testing.Derivatives;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The structured kernel against an explicit J J^T built from one vjp per example and output. */
class StructuredNtkTest {

    @BeforeAll
    static void float64() { Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE); catapult.numerics.Precision.set(DataType.DOUBLE); }

    /** J (nk x p), row i*k + a = gradient of output a at example i, from vjps. */
    static INDArray jacobian(Model m, INDArray x) {
        int n = (int) x.size(0), k = m.outputCount();
        INDArray j = Nd4j.zeros(DataType.DOUBLE, (long) n * k, m.paramCount());
        try (Model.Pass p = m.forward(x)) {
            for (int i = 0; i < n; i++) {
                for (int a = 0; a < k; a++) {
                    INDArray c = Nd4j.zeros(DataType.DOUBLE, n, k);
                    c.putScalar(new long[]{i, a}, 1.0);
                    j.putRow((long) i * k + a, p.vjp(c));
                }
            }
        }
        return j;
    }

    static void assertKernel(Model m, INDArray x, INDArray k) {
        INDArray j = jacobian(m, x);
        INDArray want = j.mmul(j.transpose());
        double err = want.sub(k).amaxNumber().doubleValue() / Math.max(1.0, want.amaxNumber().doubleValue());
        assertTrue(err < 1e-10, "structured kernel vs J J^T: relative error " + err);
    }

    private static Network richNet() {
        GraphBuilder g = new GraphBuilder();
        Node x = g.input(4);
        Node h1 = g.activation(g.dense(List.of(x), 6, true, 0.3, null, true), Activation.TANH);
        Node fz = g.activation(g.dense(List.of(x), 3, true, 0.0, null, false), Activation.RELU);
        Node h2 = g.activation(g.dense(List.of(x, h1, fz), 5, true, 0.0, null, true), Activation.SWISH);
        Node b = g.dense(List.of(h2), 2, false, 0.0, 2, true);
        g.output(g.dense(List.of(h2, b), 1, true, 0.0, null, true),
                g.dense(List.of(g.add(h2, g.scale(2.0, h2))), 1, false, 0.0, null, true));
        return g.build(4, 1.0, "ntk");
    }

    @Test
    void networkKernelWithMasksBiasesFrozenAndTwoOutputs() {
        Network net = richNet();
        INDArray x = Derivatives.randn(21, 5, 4);
        assertKernel(net, x, net.structuredNtk(x));
    }

    @Test
    void linearModelKernelStaysAtW0() {
        Network net = richNet();
        INDArray x = Derivatives.randn(22, 4, 4);
        LinearModel lin = new LinearModel(net);
        INDArray k0 = net.structuredNtk(x);
        lin.params().addi(Derivatives.randn(23, net.paramCount()));
        double err = lin.structuredNtk(x).sub(k0).amaxNumber().doubleValue();
        assertTrue(err < 1e-12, "linear model kernel is K(w0)");
        assertKernel(lin, x, lin.structuredNtk(x));
    }

    @Test
    void quadraticModelKernelAtMovedParameters() {
        Network net = richNet();
        INDArray x = Derivatives.randn(24, 4, 4);
        QuadraticModel quad = new QuadraticModel(net);
        quad.params().addi(Derivatives.randn(25, net.paramCount()).muli(0.3));
        assertKernel(quad, x, quad.structuredNtk(x));
    }

    @Test
    void convolutionsAskForTheJacobianFallback() {
        GraphBuilder g = new GraphBuilder();
        Node x = g.input(4, 4, 1);
        g.output(g.dense(g.flatten(g.conv(x, 2, 3, 1, "same", false)), 1));
        Network net = g.build(0, 1.0, "ntk");
        assertThrows(UnsupportedOperationException.class, () -> net.structuredNtk(Derivatives.randn(1, 2, 4, 4, 1)));
    }
}
