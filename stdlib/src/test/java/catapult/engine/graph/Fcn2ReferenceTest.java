package catapult.engine.graph;

import catapult.engine.autodiff.Activation;
import catapult.engine.models.Model;
import catapult.engine.testing.RefData;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** FCN2 of the bench (d=100, m=1024, relu, no bias, NTK) against PyTorch's dumped numbers. */
class Fcn2ReferenceTest {

    /** The bench's FCN2 with its weights set from U0, v0 (flat layout [U row-major, v]). */
    static Network fcn2(INDArray u, INDArray v) {
        GraphBuilder g = new GraphBuilder();
        Node x = g.input(100);
        Node h = g.activation(g.dense(x, 1024), Activation.RELU);
        g.output(g.dense(h, 1));
        Network net = g.build(0, 1.0, "ntk");
        net.params().assign(flat(u, v));
        return net;
    }

    static INDArray flat(INDArray u, INDArray v) {
        return Nd4j.concat(0, u.reshape('c', new long[]{u.length()}), v.reshape('c', new long[]{v.length()})).castTo(DataType.FLOAT);
    }

    @Test
    void lossAtInitAndOneGdStepMatchTorch() {
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT); catapult.numerics.Precision.set(DataType.FLOAT);
        INDArray x = RefData.load("fcn2_X");
        INDArray y = RefData.load("fcn2_y").reshape(128, 1);
        Network net = fcn2(RefData.load("fcn2_U0"), RefData.load("fcn2_v0"));
        assertEquals(103_424, net.paramCount());
        try (Model.Pass pass = net.forward(x)) {
            INDArray r = pass.output().sub(y);
            double loss = r.mul(r).sumNumber().doubleValue() / (2 * 128);
            assertEquals(0.6926166, loss, 2e-6);
            INDArray grad = pass.vjp(r.divi(128));
            net.params().subi(grad.muli(0.1));
        }
        INDArray expected = flat(RefData.load("gd1_U"), RefData.load("gd1_v"));
        double err = net.params().sub(expected).amaxNumber().doubleValue();
        assertTrue(err < 2e-6, "max |w - torch| after one GD step: " + err);
    }
}
