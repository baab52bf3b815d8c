package catapult.engine.kernels;

import catapult.engine.models.Model;
import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The sharpness of a model while it trains: the top-k eigenvalues of the Hessian of the training
 * loss, H_L = d^2 L / dw^2, by Lanczos on loss-Hessian-vector products ({@link LossHessian}).
 * Each measurement starts the Krylov space from the previous one's eigenvectors: the Hessian
 * drifts slowly between tracked steps, so this saves most of the products of a cold start.
 * Under full-batch GD with learning rate eta, a quadratic loss is stable only while
 * sharpness < 2/eta; the edge of stability (Cohen et al. 2021) is training at that boundary.
 */
public final class SharpnessTracker {
    private final Model model;
    private final INDArray x;
    private final INDArray y;
    private final Loss loss;
    private final int k;
    private INDArray warmStart;
    private int products;

    /**
     * @param x the training inputs, shaped for the model
     * @param y the training targets, n x k
     */
    public SharpnessTracker(Model model, INDArray x, INDArray y, Loss loss, int k) {
        if (k > model.paramCount()) {
            throw new IllegalArgumentException("the Hessian of a model with " + model.paramCount()
                    + " parameters has fewer than " + k + " eigenvalues");
        }
        this.model = model;
        this.x = x;
        this.y = y;
        this.loss = loss;
        this.k = k;
    }

    /** The top-k eigenvalues of H_L at the model's current parameters, descending. */
    public double[] measure() {
        Eigs e = LossHessian.eigs(model, x, y, loss, k, warmStart);
        products += e.operatorApplications();
        if (warmStart != null) warmStart.close();
        warmStart = usable(e) ? e.warmStart() : null;
        return Arrays.copyOf(e.values(), k);
    }

    /** Hessian-vector products spent so far (for measuring the cost of tracking). */
    public int products() { return products; }

    /** A warm start must be finite and nonzero (a diverging run can leave NaN vectors). */
    private static boolean usable(Eigs e) {
        for (double v : e.values()) if (!Double.isFinite(v)) return false;
        return true;
    }
}
