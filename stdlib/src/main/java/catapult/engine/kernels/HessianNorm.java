package catapult.engine.kernels;

import catapult.engine.PhaseClock;
import catapult.engine.PhaseClock.Phase;
import catapult.engine.models.Model;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The spectral norm of the Hessian of the network output with respect to the parameters,
 * ||H_f||_2 (thesis Theorem 2.3.6: O(1/sqrt(m)) for width m, the reason wide nets are nearly
 * linear). Exists for {@code hessian_norm} and the transition-to-linearity experiments.
 *
 * <p>Definition for several inputs: the Hessian of the mean output
 * g(w) = (1/(n k)) sum_{i,j} f_j(x_i; w), so one input row gives exactly ||H_{f(x)}||; for n rows it
 * is the norm of the averaged Hessian (at most the maximum of the per-example norms, and with the
 * same 1/sqrt(m) scaling). It costs one batched Hessian-vector product per Lanczos step instead of
 * n separate eigen-solves. Computed as max |lambda| by Lanczos on Model.hvp, which converges to
 * both ends of the spectrum at once (H_f is indefinite: for ReLU nets its spectrum is nearly
 * symmetric, which makes plain power iteration oscillate between +-lambda).
 */
public final class HessianNorm {

    /** Relative accuracy: ample for width-scaling slopes, and 10-100x fewer products than 1e-10. */
    static final double TOLERANCE = 1e-6;

    private HessianNorm() {
    }

    /** ||H_g||_2 with g the mean output over the rows of x and the outputs (relative accuracy 1e-6). */
    public static double of(Model m, INDArray x) {
        return of(m, x, TOLERANCE);
    }

    /** As {@link #of(Model, INDArray)} to relative accuracy about tol (coarser is cheaper). */
    public static double of(Model m, INDArray x, double tol) {
        try (PhaseClock.Scope phase = PhaseClock.enter(Phase.KERNEL)) {
            Ntk.checkInputs(m, x);
            long n = x.size(0);
            int k = m.outputCount();
            INDArray weights = Nd4j.valueArrayOf(new long[] {n, k}, 1.0 / (n * k), m.params().dataType());
            LinearOperator op = v -> m.hvp(x, weights, v);
            return Spectra.spectralNorm(op, m.paramCount(), 0, m.params().dataType(), tol);
        }
    }
}
