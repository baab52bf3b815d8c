package catapult.engine.kernels;

import catapult.engine.models.Model;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The spectral norm of the Hessian of the network output with respect to the parameters,
 * ||H_f||_2 (thesis Theorem 2.3.6: O(1/sqrt(m)) for width m, the reason wide nets are nearly
 * linear). Exists for {@code hessian_norm} and the transition-to-linearity experiments.
 *
 * <p>Two readings for several inputs (and outputs): {@link #maxOverExamples} is
 * max_{i,j} ||H_{f_j(x_i)}||, the quantity the theorem bounds for every input; {@link #of}
 * is the norm of the Hessian of the mean output g(w) = (1/(n k)) sum_{i,j} f_j(x_i; w), which is
 * at most the maximum, scales the same way, and costs one batched Hessian-vector product per
 * Lanczos step instead of n k eigen-solves. One input row with one output gives the same number
 * both ways. Computed as max |lambda| by Lanczos on Model.hvp, which converges to both ends of
 * the spectrum at once (H_f is indefinite: for ReLU nets its spectrum is nearly symmetric, which
 * makes plain power iteration oscillate between +-lambda).
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
        Ntk.checkInputs(m, x);
        long n = x.size(0);
        int k = m.outputCount();
        INDArray weights = Nd4j.valueArrayOf(new long[] {n, k}, 1.0 / (n * k), m.params().dataType());
        return norm(m, x, weights, tol);
    }

    /** max over rows i of x and outputs j of ||H_{f_j(x_i)}||_2 (relative accuracy 1e-6). */
    public static double maxOverExamples(Model m, INDArray x) {
        Ntk.checkInputs(m, x);
        int k = m.outputCount();
        double max = 0;
        for (long i = 0; i < x.size(0); i++) {
            INDArray row = x.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(i, i + 1)).dup();
            for (int j = 0; j < k; j++) {
                INDArray weights = Nd4j.zeros(m.params().dataType(), 1, k);
                weights.putScalar(0, j, 1.0);
                max = Math.max(max, norm(m, row, weights, TOLERANCE));
            }
        }
        return max;
    }

    private static double norm(Model m, INDArray x, INDArray weights, double tol) {
        LinearOperator op = v -> m.hvp(x, weights, v);
        return Spectra.spectralNorm(op, m.paramCount(), 0, m.params().dataType(), tol);
    }
}
