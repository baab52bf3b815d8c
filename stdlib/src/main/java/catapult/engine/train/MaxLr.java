package catapult.engine.train;

import catapult.engine.data.Dataset;
import catapult.engine.kernels.CriticalLr;
import catapult.engine.kernels.Loss;
import catapult.engine.models.Model;
import catapult.engine.table.NumberText;
import catapult.lang.builtins.Cancellation;

/**
 * {@code max_lr}: the largest learning rate at which gradient descent (or SGD with a batch size)
 * trains a copy of the model without diverging, found by geometric bisection to 1%. The search
 * starts at the critical rate and brackets outward by doublings, so it needs about a dozen runs.
 *
 * <p>A run counts as stable when it does not diverge by the training rule and its final loss is
 * not above its initial one: over a finite number of steps a rate slightly above the threshold
 * grows the loss only geometrically, far below the 1e10 divergence factor, and this second test
 * is what makes the threshold sharp (for a linear model it is exactly n / lambda_max with mse).
 */
public final class MaxLr {

    /** Bisection stops when hi / lo is at most this. */
    public static final double TOLERANCE = 1.01;
    private static final int MAX_DOUBLINGS = 60;

    private MaxLr() {}

    /** With mse, full batch, 200 steps, seed 0. */
    public static double find(Model model, Dataset data) {
        return find(model, data, 200, 0, Loss.MSE, 0);
    }

    /** {@code batch} 0 means full-batch gradient descent. The model itself is not changed. */
    public static double find(Model model, Dataset data, int steps, int batch, Loss loss, long seed) {
        double critical = CriticalLr.of(model, data.x(), data.y(), loss, "ntk");
        double guess = critical > 0 && Double.isFinite(critical) ? critical : 1.0;
        double lo;
        double hi;
        if (stable(model, data, guess, steps, batch, loss, seed)) {
            lo = guess;
            hi = 2 * guess;
            for (int i = 0; stable(model, data, hi, steps, batch, loss, seed); i++) {
                if (i == MAX_DOUBLINGS) throw new IllegalArgumentException("training is stable at every learning rate tried (up to " + NumberText.number(hi) + ")");
                lo = hi;
                hi *= 2;
            }
        } else {
            hi = guess;
            lo = guess / 2;
            for (int i = 0; !stable(model, data, lo, steps, batch, loss, seed); i++) {
                if (i == MAX_DOUBLINGS) throw new IllegalArgumentException("training diverges at every learning rate tried (down to " + NumberText.number(lo) + ")");
                hi = lo;
                lo /= 2;
            }
        }
        while (hi / lo > TOLERANCE) {
            double mid = Math.sqrt(lo * hi);
            if (stable(model, data, mid, steps, batch, loss, seed)) lo = mid;
            else hi = mid;
        }
        return lo;
    }

    /** True when the run neither diverged nor ended above its initial loss. */
    public static boolean stable(Run run) {
        if (run.diverged()) return false;
        double[] loss = run.lossCurve();
        double last = loss[loss.length - 1];
        return Double.isFinite(last) && (loss[0] == 0 || last <= loss[0]);
    }

    private static boolean stable(Model model, Dataset data, double lr, int steps, int batch, Loss loss, long seed) {
        LrSchedule rate = LrSchedule.constant(lr);
        Optimizer opt = batch == 0 ? Optimizer.gd(rate) : Optimizer.sgd(rate, batch);
        TrainConfig cfg = TrainConfig.defaults().withSteps(steps).withLoss(loss).withSeed(seed).withInterrupt(Cancellation::pending);
        Run run = Trainer.train(model.copy(), data, opt, cfg);
        Cancellation.poll();   // an interrupted trial run says nothing about stability: stop the search
        return stable(run);
    }
}
