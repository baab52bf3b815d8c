package catapult.engine.bench;

import catapult.engine.autodiff.Blas;
import catapult.engine.autodiff.Fused;
import catapult.engine.train.GradientStep;
import catapult.engine.kernels.PassOperator;
import catapult.engine.kernels.Loss;
import catapult.engine.kernels.LossHessian;
import catapult.engine.kernels.Ntk;
import catapult.engine.kernels.Spectra;
import catapult.engine.models.Model;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The timed operations of the benchmark, one per figure, with the peer's definitions
 * ({@code peer_torch.py}): each returns the call to be timed, written against the public engine
 * API (Model, Ntk, LossHessian) exactly as a user of the library would call it. Exists separately
 * from {@link Bench} so that the definitions can be unit-tested on small models.
 */
final class Figures {

    /** The peer's FCN2 loss, L = 1/(2n) sum (f - y)^2. */
    static final Loss FCN2_LOSS = Loss.HALF_MSE;

    private Figures() {
    }

    /**
     * Gradient-descent steps in place, each: forward on (x, y), dL/df, J'(dL/df), w -= lr grad,
     * through the training loop's own step (buffers reused from call to call). Consecutive calls
     * are consecutive steps, as in the peer.
     */
    static Runnable gdSteps(Model model, INDArray x, INDArray y, double lr) {
        GradientStep step = new GradientStep(model, FCN2_LOSS);
        return () -> {
            try (Model.Pass pass = model.forward(x)) {
                step.run(pass, y);
            }
            Blas.axpy(-lr, step.gradient(), model.params());
        };
    }

    /**
     * Mini-batch steps: selecting the batch's rows is part of the timed call (peer:
     * index_select), gathered into buffers reused from call to call as the training loop does.
     */
    static Runnable sgdSteps(Model model, INDArray x, INDArray y, long[][] batches, double lr) {
        int b = batches[0].length;
        INDArray xb = Nd4j.create(x.dataType(), b, x.columns());
        INDArray yb = Nd4j.create(y.dataType(), b, y.columns());
        Runnable step = gdSteps(model, xb, yb, lr);
        int[] next = {0};
        return () -> {
            int[] rows = toInts(batches[next[0]++ % batches.length]);
            Fused.gatherRows(x, rows, rows.length, xb);
            Fused.gatherRows(y, rows, rows.length, yb);
            step.run();
        };
    }

    /** The empirical NTK (whatever method {@link Ntk#of} chooses for the model). */
    static INDArray ntk(Model model, INDArray x) {
        return Ntk.of(model, x);
    }

    /** The peer's protocol: 20 power-iteration steps on H_L from q0, building the operator included. */
    static double hessianTopEigenvalue(Model model, INDArray x, INDArray y, INDArray q0, int iterations) {
        try (PassOperator h = LossHessian.operator(model, x, y, FCN2_LOSS)) {
            return Spectra.powerIteration(h, q0, iterations);
        }
    }

    /** AGOP G = (1/n) sum_i grad_x f(x_i) grad_x f(x_i)' from one batched input-gradient pass. */
    static INDArray agop(Model model, INDArray x) {
        long n = x.size(0);
        INDArray gx;
        try (Model.Pass pass = model.forward(x)) {
            gx = pass.inputVjp(Nd4j.ones(x.dataType(), n, 1)).reshape(n, -1);
        }
        INDArray g = Nd4j.create(x.dataType(), new long[] {gx.size(1), gx.size(1)}, 'f');
        return Nd4j.gemm(gx, gx, g, true, false, 1.0 / n, 0.0);
    }

    private static int[] toInts(long[] a) {
        int[] r = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = (int) a[i];
        }
        return r;
    }
}
