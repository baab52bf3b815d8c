package catapult.engine.train;

import catapult.engine.table.NumberText;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The named learning-rate schedules of docs/language.md section 8. The critical-rate ones implement
 * the thesis's protocols: {@link #relative} fixes lr = r x eta_crit(w0) (Chapters 3-4 sweep lr in
 * units of the critical rate) and {@link #criticalAware} raises lr above the current critical rate
 * again after every catapult has lowered the kernel (§4.3, Fig. 4.4).
 */
public final class Schedules {

    private Schedules() {}

    /** {@code base} until the first key, then the value of the latest key reached: steps(6, {15: 10, 60: 15}). */
    public static LrSchedule steps(double base, Map<Integer, Double> changes) {
        NavigableMap<Integer, Double> table = new TreeMap<>(changes);
        return LrSchedule.named("steps(" + NumberText.number(base) + ", " + table + ")", (t, ctx) -> {
            Map.Entry<Integer, Double> e = table.floorEntry(t);
            return e == null ? base : e.getValue();
        });
    }

    /** Triangular cycle: low at t = 0 (mod period), high at period / 2, linear in between. */
    public static LrSchedule cyclic(double low, double high, int period) {
        return LrSchedule.named("cyclic(" + NumberText.number(low) + ", " + NumberText.number(high) + ", " + period + ")",
                (t, ctx) -> {
                    double phase = (double) (t % period) / period;
                    return low + (high - low) * (1 - Math.abs(2 * phase - 1));
                });
    }

    /** lr/2 (1 + cos(pi t / total)), 0 from step total on. */
    public static LrSchedule cosine(double lr, int total) {
        return LrSchedule.named("cosine(" + NumberText.number(lr) + ", " + total + ")",
                (t, ctx) -> 0.5 * lr * (1 + Math.cos(Math.PI * Math.min(t, total) / total)));
    }

    /** Linear warm-up: lr (t + 1) / n for the first n updates, then lr. */
    public static LrSchedule warmup(double lr, int n) {
        return LrSchedule.named("warmup(" + NumberText.number(lr) + ", " + n + ")",
                (t, ctx) -> lr * Math.min(1.0, (t + 1.0) / n));
    }

    /** r times the critical learning rate of the model on the training data at the start. */
    public static LrSchedule relative(double r) {
        return LrSchedule.named("relative(" + NumberText.number(r) + ")", (t, ctx) -> r * ctx.initialCriticalLr());
    }

    /**
     * ratio x the critical rate measured at the latest step that is a multiple of {@code every}:
     * each time a catapult has lowered lambda_max, the rate is raised above the new critical value.
     */
    public static LrSchedule criticalAware(double ratio, int every) {
        Object key = new Object();
        return LrSchedule.named("critical_aware(" + NumberText.number(ratio) + ", " + every + ")", (t, ctx) -> {
            double[] held = (double[]) ctx.state().computeIfAbsent(key, k -> new double[] {Double.NaN});
            if (t % every == 0 || Double.isNaN(held[0])) held[0] = ratio * ctx.currentCriticalLr();
            return held[0];
        });
    }
}
