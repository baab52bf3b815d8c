package catapult.engine.kernels;

import catapult.engine.PhaseClock;
import catapult.engine.PhaseClock.Phase;
import catapult.engine.graph.Network;
import catapult.engine.models.Model;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The Hessian of the training loss with respect to the parameters, as an operator:
 * H_L v = J' (c J v) + sum_{i,j} r_ij H_{f_j(x_i)} v, with c = d^2L/df^2 and r = dL/df
 * (Gauss-Newton part plus residual-weighted output Hessians). Exists for the Hessian route to the
 * critical learning rate (eta_crit = 2 / lambda_max(H_L), thesis Eq. 3.6) and for
 * {@code loss_hessian_eigs}. Never forms H_L: for a network each product is one fused tangent and
 * reverse pass ({@link Model#lossHvp}) on a forward pass recorded once; other models take one
 * forward-mode, one reverse and one Hessian-vector pass.
 */
public final class LossHessian {

    private LossHessian() {
    }

    /** The top-k eigenvalues of H_L at the current parameters (Lanczos, seed 0), descending. */
    public static double[] topEigenvalues(Model m, INDArray x, INDArray y, Loss loss, int k) {
        return eigs(m, x, y, loss, k, null).values();
    }

    /** Top-k eigenpairs of H_L, optionally warm-started (e.g. from the previous training step). */
    public static Eigs eigs(Model m, INDArray x, INDArray y, Loss loss, int k, INDArray start) {
        try (PhaseClock.Scope phase = PhaseClock.enter(Phase.KERNEL)) {
            try (PassOperator h = operator(m, x, y, loss)) {
                return Spectra.lanczosEigs(h, m.paramCount(), k, 0, start, m.params().dataType());
            }
        }
    }

    /**
     * v -> H_L v at the current parameters; the forward pass and residual are computed once and
     * held until the operator is closed.
     */
    public static PassOperator operator(Model m, INDArray x, INDArray y, Loss loss) {
        Ntk.checkInputs(m, x);
        Model.Pass pass = m.forward(x);
        INDArray target = Targets.shaped(y, pass.output());
        INDArray residualWeights = loss.gradient(pass.output(), target);
        double c = loss.curvature(x.size(0));
        if (m instanceof Network net) {
            // one tangent and one reverse pass per product on a forward tape the network caches
            INDArray curvature = residualWeights.ulike().assign(c);
            return new PassOperator(pass, new LinearOperator() {
                @Override
                public INDArray apply(INDArray v) { return net.lossHvp(x, residualWeights, curvature, v); }

                @Override
                public void applyInto(INDArray v, INDArray out) { net.lossHvpInto(x, residualWeights, curvature, v, out); }
            });
        }
        return new PassOperator(pass, v -> {
            INDArray jv = m.jvp(x, v).muli(c);
            INDArray gaussNewton = pass.vjp(jv);
            INDArray residualPart = m.hvp(x, residualWeights, v);
            gaussNewton.addi(residualPart);
            jv.close();
            residualPart.close();
            return gaussNewton;
        });
    }
}
