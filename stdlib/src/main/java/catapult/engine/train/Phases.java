package catapult.engine.train;

import catapult.engine.data.Dataset;
import catapult.engine.kernels.CriticalLr;
import catapult.engine.kernels.Loss;
import catapult.engine.models.Model;
import catapult.engine.table.Table;
import catapult.lang.builtins.Cancellation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code phases}: trains a copy of the model with gradient descent at each learning rate and
 * labels the regime of thesis Chapter 3 — "monotone" (eta below the critical rate: the loss only
 * falls), "catapult" (the loss rises at least 2x above its running minimum, then the run settles
 * while lambda_1 of the kernel drops) or "diverged" (not stable in the sense of
 * {@link MaxLr#stable(Run)}).
 *
 * <p>Columns: lr, lr_over_crit (lr / critical rate at the start), label, peak_ratio
 * (max over t of L(t) / min over s <= t of L(s), 1 for a monotone curve), final_loss, lam_before
 * and lam_after (lambda_1 of the NTK at the start and at the last step; NaN after divergence).
 */
public final class Phases {

    /** Peak ratio from which a rise of the loss counts as a catapult. */
    public static final double CATAPULT_RATIO = Catapults.DEFAULT_MIN_RATIO;

    private Phases() {}

    public static Table classify(Model model, Dataset data, List<Double> lrs, int steps) {
        return classify(model, data, lrs, steps, Loss.MSE);
    }

    public static Table classify(Model model, Dataset data, List<Double> lrs, int steps, Loss loss) {
        if (lrs == null || lrs.isEmpty()) throw new IllegalArgumentException("no learning rates to classify");
        double critical = CriticalLr.of(model, data.x(), data.y(), loss, "ntk");
        TrainConfig cfg = TrainConfig.defaults().withSteps(steps).withLoss(loss).withEvery(steps).track(Metric.ntkEigs(1));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (double lr : lrs) {
            Cancellation.poll();
            Run run = Trainer.train(model.copy(), data, Optimizer.gd(LrSchedule.constant(lr)), cfg.withInterrupt(Cancellation::pending));
            Cancellation.poll();
            rows.add(row(run, lr, critical));
        }
        return Table.of(rows).withKeys(List.of("lr"));
    }

    private static Map<String, Object> row(Run run, double lr, double critical) {
        double[] loss = run.lossCurve();
        double peak = peakRatio(loss);
        String label = !MaxLr.stable(run) ? "diverged" : peak >= CATAPULT_RATIO ? "catapult" : "monotone";
        double[] lam = run.series("ntk_eigs").column(0);
        int[] when = run.when("ntk_eigs");
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("lr", lr);
        r.put("lr_over_crit", lr / critical);
        r.put("label", label);
        r.put("peak_ratio", peak);
        r.put("final_loss", loss[loss.length - 1]);
        r.put("lam_before", lam.length > 0 ? lam[0] : Double.NaN);
        r.put("lam_after", lam.length > 1 && when[when.length - 1] == run.steps() ? lam[lam.length - 1] : Double.NaN);
        return r;
    }

    /**
     * max_t L(t) / min_{s <= t} L(s): how far the loss ever climbed above its best so far. Rises
     * that stay below the round-off floor {@link Catapults#NOISE_FLOOR} x L(0) are ignored, so a
     * run converged to machine precision does not count as a catapult.
     */
    public static double peakRatio(double[] loss) {
        double floor = loss.length > 0 && loss[0] > 0 ? Catapults.NOISE_FLOOR * loss[0] : 0;
        double best = Double.POSITIVE_INFINITY;
        double ratio = 1;
        for (double l : loss) {
            if (!Double.isFinite(l)) return Double.POSITIVE_INFINITY;
            best = Math.min(best, l);
            if (best > 0 && l >= floor) ratio = Math.max(ratio, l / best);
        }
        return ratio;
    }
}
