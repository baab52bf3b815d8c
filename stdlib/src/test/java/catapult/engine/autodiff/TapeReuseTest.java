package catapult.engine.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import catapult.engine.graph.GraphBuilder;
import catapult.engine.graph.Network;
import catapult.engine.graph.Node;
import catapult.engine.models.Model;
import catapult.engine.testing.Derivatives;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Passes reuse their buffers per batch size (tape slots, a caller's gradient buffer): a reused
 * buffer must never leak values of an earlier pass, and a closed pass must not hand its buffers to
 * two later passes.
 */
class TapeReuseTest {

    @BeforeAll
    static void float64() {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
        catapult.numerics.Precision.set(DataType.DOUBLE);
    }

    /** A DAG with a skip connection, a scale, a two-source dense group and biases. */
    private static Network net() {
        GraphBuilder g = new GraphBuilder();
        Node x = g.input(3);
        Node h = g.activation(g.dense(List.of(x), 6, true, 0.0, null, true), Activation.RELU);
        Node h2 = g.activation(g.dense(List.of(h), 6, false, 0.0, null, true), Activation.TANH);
        Node skip = g.add(h2, g.scale(0.5, h));
        g.output(g.dense(List.of(skip, x), 2, true, 0.0, null, true));
        return g.build(4, 1.0, "ntk");
    }

    private static INDArray vjp(Model m, INDArray x, INDArray c) {
        try (Model.Pass p = m.forward(x)) {
            return p.vjp(c);
        }
    }

    @Test
    void gradientsIntoOneBufferMatchFreshOnesAcrossBatchSizes() {
        Network net = net();
        INDArray grad = Nd4j.create(net.params().dataType(), net.paramCount());
        for (int round = 0; round < 3; round++) {
            for (int n : new int[] {5, 7, 5, 40}) {
                INDArray x = Derivatives.randn(100L * round + n, n, 3);
                INDArray c = Derivatives.randn(200L * round + n, n, 2);
                INDArray want = vjp(net.copy(), x, c);
                grad.assign(Double.NaN);
                try (Model.Pass p = net.forward(x)) {
                    p.vjpInto(c, grad);
                }
                double scale = want.amaxNumber().doubleValue();
                assertEquals(0.0, grad.sub(want).amaxNumber().doubleValue(), 1e-12 * scale, "round " + round + ", n = " + n);
            }
        }
    }

    @Test
    void aPassClosedTwiceDoesNotShareItsBuffers() {
        Network net = net();
        INDArray x1 = Derivatives.randn(1, 5, 3);
        INDArray x2 = Derivatives.randn(2, 5, 3);
        INDArray x3 = Derivatives.randn(3, 5, 3);
        Model.Pass first = net.forward(x1);
        first.close();
        first.close();
        Model.Pass second = net.forward(x2);
        Model.Pass third = net.forward(x3);
        assertEquals(0.0, second.output().sub(net.predict(x2)).amaxNumber().doubleValue(), 0.0);
        assertEquals(0.0, third.output().sub(net.predict(x3)).amaxNumber().doubleValue(), 0.0);
        second.close();
        third.close();
    }

    @Test
    void inputGradientsAreTheCallersArrays() {
        Network net = net();
        INDArray x = Derivatives.randn(9, 4, 3);
        INDArray c = Derivatives.randn(10, 4, 2);
        INDArray g1;
        try (Model.Pass p = net.forward(x)) {
            g1 = p.inputVjp(c);
        }
        INDArray keep = g1.dup();
        try (Model.Pass p = net.forward(Derivatives.randn(11, 4, 3))) {
            p.inputVjp(Derivatives.randn(12, 4, 2));
        }
        assertEquals(0.0, g1.sub(keep).amaxNumber().doubleValue(), 0.0, "a later pass must not overwrite it");
    }
}
