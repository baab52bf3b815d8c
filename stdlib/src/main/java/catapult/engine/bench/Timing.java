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
