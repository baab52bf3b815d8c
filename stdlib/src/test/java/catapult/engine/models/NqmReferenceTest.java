package catapult.engine.models;

import catapult.engine.autodiff.Activation;
import catapult.engine.graph.GraphBuilder;
import catapult.engine.graph.Network;
import catapult.engine.graph.Node;
import catapult.engine.testing.RefData;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The NQM of the bench's FCN2 against PyTorch's nested-jvp numbers and one NQM GD step. */
class NqmReferenceTest {

    private static INDArray flat(INDArray u, INDArray v) {
        return Nd4j.concat(0, u.reshape('c', new long[]{u.length()}), v.reshape('c', new long[]{v.length()}))
                .castTo(DataType.FLOAT);
    }

    @Test
    void termsAndOneStepMatchTorch() {
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT); catapult.numerics.Precision.set(DataType.FLOAT);
        GraphBuilder g = new GraphBuilder();
        Node h = g.activation(g.dense(g.input(100), 1024), Activation.RELU);
        g.output(g.dense(h, 1));
        Network net = g.build(0, 1.0, "ntk");
        net.params().assign(flat(RefData.load("fcn2_U0"), RefData.load("fcn2_v0")));
        INDArray x = RefData.load("fcn2_X");
        INDArray y = RefData.load("fcn2_y").reshape(128, 1);
        INDArray d = flat(RefData.load("nqm_dU"), RefData.load("nqm_dv"));

        QuadraticModel quad = new QuadraticModel(net);
        quad.params().addi(d);
        INDArray f0 = RefData.load("nqm_f0").reshape(128, 1);
        INDArray jd = RefData.load("nqm_JD").reshape(128, 1);
        INDArray dhd = RefData.load("nqm_DHD").reshape(128, 1);
        INDArray expected = f0.add(jd).addi(dhd.mul(0.5));
        INDArray lin = new LinearModel(net).withParams(quad.params()).predict(x);
        assertClose(f0.add(jd), lin, 2e-5, "f_lin");
        try (Model.Pass pass = quad.forward(x)) {
            assertClose(expected, pass.output(), 2e-5, "f_quad");
            INDArray r = pass.output().sub(y).divi(128);
            quad.params().subi(pass.vjp(r).muli(0.1));
        }
        INDArray d1 = quad.params().sub(quad.initialParams());
        assertClose(flat(RefData.load("nqm1_dU"), RefData.load("nqm1_dv")), d1, 2e-5, "D after one NQM step");
    }

    private static void assertClose(INDArray want, INDArray got, double tol, String what) {
        double err = want.sub(got.reshape(want.shape())).amaxNumber().doubleValue();
        assertTrue(err < tol, what + ": max abs error " + err);
    }
}
