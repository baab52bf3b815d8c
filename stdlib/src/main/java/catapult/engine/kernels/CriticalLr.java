package catapult.engine.kernels;

import catapult.engine.PhaseClock;
import catapult.engine.PhaseClock.Phase;
import catapult.engine.models.Model;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The critical learning rate of gradient descent: the largest step for which the linearized
 * dynamics are stable, eta_crit = 2 / lambda_max(H_L) (thesis Eq. 3.6-3.8, C.1). Exists so that
 * {@code critical_lr}, {@code relative(r)} schedules and phase labelling share the conventions.
 *
 * <p>{@code "ntk"}: H_L is replaced by its Gauss-Newton part c J'J, whose top eigenvalue is
 * c lambda_max(K); hence n / lambda_max(K) for {@link Loss#MSE} (c = 2/n), 2 / lambda_max(K) for
 * {@link Loss#HALF_SSE} (c = 1) and 2n / lambda_max(K) for {@link Loss#HALF_MSE}.
 * {@code "hessian"}: the full H_L from Hessian-vector products, 2 / lambda_max(H_L). The two agree
 * where the residual is zero (and nearly agree for wide networks, whose output Hessian is small).
 */
public final class CriticalLr {

    /** Above this many kernel entries per side, lambda_max(K) uses NTK-vector products instead of forming K. */
    static final long FORM_KERNEL_LIMIT = 4096;

    /** Above this many kernel entries per side, the top eigenvalue of a formed kernel comes from Lanczos. */
    static final long LANCZOS_FROM = 512;

    private CriticalLr() {
    }

    /** eta_crit for the given loss by method "ntk" or "hessian"; +infinity when lambda_max <= 0. */
    public static double of(Model m, INDArray x, INDArray y, Loss loss, String method) {
        try (PhaseClock.Scope phase = PhaseClock.enter(Phase.KERNEL)) {
            Ntk.checkInputs(m, x);
            double lambda;
            double curvature;
            switch (method) {
                case "ntk" -> {
                    Targets.shaped(y, m.predict(x));
                    lambda = lambdaMax(m, x);
                    curvature = loss.curvature(x.size(0));
                }
                case "hessian" -> {
                    lambda = LossHessian.eigs(m, x, y, loss, 1, null).top();
                    curvature = 1.0;
                }
                default -> throw new IllegalArgumentException(
                        "unknown critical-rate method \"" + method + "\" (\"ntk\" or \"hessian\")");
            }
            double top = curvature * lambda;
            return top > 0 ? 2.0 / top : Double.POSITIVE_INFINITY;
        }
    }

    /** lambda_max of the empirical NTK on the rows of x. */
    public static double lambdaMax(Model m, INDArray x) {
        try (PhaseClock.Scope phase = PhaseClock.enter(Phase.KERNEL)) {
            long side = x.size(0) * m.outputCount();
            if (side > FORM_KERNEL_LIMIT) {
                try (PassOperator k = Ntk.operator(m, x)) {
                    return Spectra.lanczosEigs(k, side, 1, 0, null, m.params().dataType()).top();
                }
            }
            INDArray k = Ntk.of(m, x);
            if (side <= LANCZOS_FROM) return Spectra.topEigenvalues(k, 1)[0];
            // one eigenvalue of a formed kernel: Lanczos on K-vector products (~ms) instead of a
            // dense eigen-solve (0.3 s at n = 1000), with a float64 basis for a tight top value
            INDArray k64 = k.castTo(DataType.DOUBLE);
            LinearOperator product = v -> k64.mmul(v.reshape(side, 1)).reshape(side);
            return Spectra.lanczosEigs(product, side, 1, 0, null, DataType.DOUBLE).top();
        }
    }
}
