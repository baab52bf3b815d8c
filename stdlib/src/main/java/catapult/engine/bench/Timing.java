package catapult.engine.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The peer's timing rule: {@code warmup} untimed calls, then {@code repeats} calls each timed by
 * itself; the figure is the median (min and max also kept). Exists so that every figure is
 * measured the same way as {@code peer_torch.py}'s {@code timeit}.
 */
record Timing(double medianS, double minS, double maxS, int warmup, int repeats, double othersCpuFrac) {

    /** Runs and times {@code call}. */
    static Timing measure(Runnable call, int warmup, int repeats) {
        return measure(call, warmup, repeats, 0.0);
    }

    /**
     * As {@link #measure(Runnable, int, int)}, after first running {@code call} untimed for up to
     * {@code jitSeconds} (at most 500 calls): the JVM compiles the engine's Java code only after
     * some hundred calls, which a Python peer does not need, so the rule's few warm-up calls would
     * time interpreted Java. Results are unaffected; only the time before the rule starts.
     */
    static Timing measure(Runnable call, int warmup, int repeats, double jitSeconds) {
        long until = System.nanoTime() + (long) (jitSeconds * 1e9);
        for (int i = 0; i < 500 && System.nanoTime() < until; i++) {
            call.run();
        }
        for (int i = 0; i < warmup; i++) {
            call.run();
        }
        double[] t = new double[repeats];
        CpuMonitor.Snapshot before = CpuMonitor.snap();
        for (int i = 0; i < repeats; i++) {
            long t0 = System.nanoTime();
            call.run();
            t[i] = (System.nanoTime() - t0) / 1e9;
        }
        double others = CpuMonitor.othersFraction(before, CpuMonitor.snap());
        Arrays.sort(t);
        double median = repeats % 2 == 1 ? t[repeats / 2] : 0.5 * (t[repeats / 2 - 1] + t[repeats / 2]);
        return new Timing(median, t[0], t[repeats - 1], warmup, repeats, others);
    }

    /** The JSON fields, in the peer's names. */
    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("median_s", medianS);
        m.put("min_s", minS);
        m.put("max_s", maxS);
        m.put("warmup", warmup);
        m.put("repeats", repeats);
        m.put("others_cpu_frac", othersCpuFrac);
        return m;
    }
}
