package catapult.engine.kernels;

import catapult.engine.bench.PeerReference;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Kernel code on the PyTorch peer's exact FCN2 arrays (../shared/bench/ref): the top loss-Hessian
 * eigenvalue by the peer's 20-step power iteration and the loss at init.
 */
class PeerReferenceTest {

    private static PeerReference refs() {
        var found = PeerReference.locate();
        assumeTrue(found.isPresent(), "../shared/bench/ref not found");
        return found.get();
    }

    private static TwoLayerNet fcn2(PeerReference r, DataType dtype) {
        return new TwoLayerNet(true, 100, 1024, 1, r.fcn2Params(dtype));
    }

    @Test
    void lossAtInitMatchesTorch() {
        PeerReference r = refs();
        TwoLayerNet net = fcn2(r, DataType.FLOAT);
        INDArray x = r.load("fcn2_X", DataType.FLOAT);
        INDArray y = r.load("fcn2_y", DataType.FLOAT).reshape(128, 1);
        assertEquals(PeerReference.LOSS_AT_INIT, Loss.HALF_MSE.value(net.predict(x), y), 1e-6);
    }

    @Test
    void powerIterationOnTheLossHessianMatchesTorch() {
        PeerReference r = refs();
        for (DataType dtype : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            TwoLayerNet net = fcn2(r, dtype);
            INDArray x = r.load("fcn2_X", dtype);
            INDArray y = r.load("fcn2_y", dtype).reshape(128, 1);
            LinearOperator h = LossHessian.operator(net, x, y, Loss.HALF_MSE);
            double lambda = Spectra.powerIteration(h, r.hessianStart(dtype), 20);
            double tol = dtype == DataType.DOUBLE ? 1e-10 : 2e-6;
            assertEquals(PeerReference.HESS_LAMBDA_TOP_FLOAT64, lambda, tol * lambda, dtype.name());
        }
    }

    @Test
    void lanczosAgreesWithThePeersConvergedValue() {
        PeerReference r = refs();
        TwoLayerNet net = fcn2(r, DataType.DOUBLE);
        INDArray x = r.load("fcn2_X", DataType.DOUBLE);
        INDArray y = r.load("fcn2_y", DataType.DOUBLE).reshape(128, 1);
        double top = LossHessian.topEigenvalues(net, x, y, Loss.HALF_MSE, 1)[0];
        assertEquals(PeerReference.HESS_LAMBDA_TOP_FLOAT64, top, 1e-9);
    }
}
