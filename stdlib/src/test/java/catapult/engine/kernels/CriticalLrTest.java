package catapult.engine.kernels;

import catapult.engine.models.Model;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CriticalLrTest {

    @BeforeAll
    static void float64() {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE); catapult.numerics.Precision.set(DataType.DOUBLE);
    }

    private final TwoLayerNet net = new TwoLayerNet(3, 8, 1, 21);
    private final INDArray x = Nd4j.randn(Nd4j.create(DataType.DOUBLE, 6, 3), 22);
    private final INDArray y = Nd4j.randn(Nd4j.create(DataType.DOUBLE, 6, 1), 23);

    @Test
    void ntkConventionsFollowTheLoss() {
        double lambda = Oracles.eigenvaluesDescending(Ntk.of(net, x))[0];
        assertEquals(6 / lambda, CriticalLr.of(net, x, y, Loss.MSE, "ntk"), 1e-10);
        assertEquals(2 / lambda, CriticalLr.of(net, x, y, Loss.HALF_SSE, "ntk"), 1e-10);
        assertEquals(12 / lambda, CriticalLr.of(net, x, y, Loss.HALF_MSE, "ntk"), 1e-10);
        assertEquals(lambda, CriticalLr.lambdaMax(net, x), 1e-10);
    }

    @Test
    void hessianMethodEqualsNtkMethodAtZeroResidual() {
        INDArray fit = net.predict(x);   // y = f(x): H_L = c J'J exactly
        for (Loss loss : new Loss[] {Loss.MSE, Loss.HALF_SSE}) {
            double viaNtk = CriticalLr.of(net, x, fit, loss, "ntk");
            double viaHessian = CriticalLr.of(net, x, fit, loss, "hessian");
            assertEquals(viaNtk, viaHessian, 1e-8 * viaNtk, loss.name());
        }
    }

    @Test
    void hessianMethodSeesTheResidualTerm() {
        double lambdaHl = Oracles.eigenvaluesDescending(denseLossHessian(net, x, y, Loss.HALF_SSE))[0];
        assertEquals(2 / lambdaHl, CriticalLr.of(net, x, y, Loss.HALF_SSE, "hessian"), 1e-8);
        double viaNtk = CriticalLr.of(net, x, y, Loss.HALF_SSE, "ntk");
        assertTrue(Math.abs(viaNtk - 2 / lambdaHl) > 1e-6, "the residual term must matter at a narrow net");
    }

    @Test
    void largeSideUsesMatrixFreeProductsWithTheSameResult() {
        double formed = Spectra.topEigenvalues(Ntk.of(net, x), 1)[0];
        double matrixFree = Spectra.lanczosEigs(Ntk.operator(net, x), 6, 1, 0, null).top();
        assertEquals(formed, matrixFree, 1e-10 * formed);
    }

    @Test
    void rejectsUnknownMethodAndMisshapenTargets() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CriticalLr.of(net, x, y, Loss.MSE, "gauss"));
        assertTrue(e.getMessage().contains("\"gauss\""));
        assertThrows(IllegalArgumentException.class,
                () -> CriticalLr.of(net, x, Nd4j.zeros(5, 1), Loss.MSE, "ntk"));
    }

    /** H_L by finite differences of the exact loss gradient J' dL/df (an independent route). */
    static INDArray denseLossHessian(Model m, INDArray x, INDArray y, Loss loss) {
        long p = m.paramCount();
        INDArray h = Nd4j.create(DataType.DOUBLE, p, p);
        double step = 1e-6;
        for (int c = 0; c < p; c++) {
            INDArray w = m.params().dup();
            w.putScalar(c, w.getDouble(c) + step);
            INDArray plus = lossGradient(m.withParams(w), x, y, loss);
            w.putScalar(c, w.getDouble(c) - 2 * step);
            INDArray minus = lossGradient(m.withParams(w), x, y, loss);
            h.putColumn(c, plus.sub(minus).divi(2 * step));
        }
        return h.add(h.transpose()).divi(2);
    }

    static INDArray lossGradient(Model m, INDArray x, INDArray y, Loss loss) {
        Model.Pass pass = m.forward(x);
        return pass.vjp(loss.gradient(pass.output(), y));
    }
}
