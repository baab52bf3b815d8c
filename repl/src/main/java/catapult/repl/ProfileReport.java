package catapult.repl;

import catapult.engine.PhaseClock;
import catapult.lang.builtins.CallSiteProfile;
import java.util.List;
import java.util.Locale;

/**
 * Where a script's time went: {@code catapult run --profile} prints it on stderr after the run,
 * {@code :profile expr} after one REPL input. Two tables: built-in call sites (file:line:col,
 * calls, total, mean; totals include nested calls, so a train call contains its until function)
 * and the engine's phases (exclusive time, a nested phase shown under the outermost one, e.g.
 * "tracking > forward"). Recording is off except between {@link #start} and {@link #finish}.
 */
public final class ProfileReport {
    private static final int MAX_ROWS = 15;

    private final CallSiteProfile calls;
    private final long startNanos;

    private ProfileReport(CallSiteProfile calls, long startNanos) {
        this.calls = calls;
        this.startNanos = startNanos;
    }

    /**
     * Starts recording call sites and engine phases. ND4J is started first (native libraries and
     * its op registry), so its one-time start-up (about a second) is not charged to whichever
     * call of the script happens to use it first.
     */
    public static ProfileReport start() {
        org.nd4j.linalg.factory.Nd4j.scalar(0.0);
        org.nd4j.linalg.factory.Nd4j.getExecutioner().getCustomOperations();
        PhaseClock.record(true);
        return new ProfileReport(CallSiteProfile.start(), System.nanoTime());
    }

    /** Stops recording and returns the report's text. */
    public String finish() {
        long wall = System.nanoTime() - startNanos;
        CallSiteProfile.stop();
        PhaseClock.record(false);
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "profile: %s wall%n", seconds(wall)));
        s.append(String.format(Locale.ROOT, "%nbuilt-in calls by site (total includes nested calls)%n"));
        s.append(String.format(Locale.ROOT, "  %-34s %-16s %8s %10s %6s %10s%n", "site", "builtin", "calls", "total", "%", "mean"));
        List<CallSiteProfile.Row> sites = calls.rows();
        for (CallSiteProfile.Row r : sites.subList(0, Math.min(MAX_ROWS, sites.size()))) {
            s.append(String.format(Locale.ROOT, "  %-34s %-16s %8d %10s %6s %10s%n", r.site(), r.builtin(), r.calls(),
                    seconds(r.nanos()), percent(r.nanos(), wall), seconds((long) r.meanNanos())));
        }
        more(s, sites.size());
        s.append(String.format(Locale.ROOT, "%nengine phases (exclusive time)%n"));
        s.append(String.format(Locale.ROOT, "  %-42s %10s %10s %6s%n", "phase", "calls", "total", "%"));
        List<PhaseClock.Row> phases = PhaseClock.rows();
        for (PhaseClock.Row r : phases.subList(0, Math.min(MAX_ROWS, phases.size()))) {
            s.append(String.format(Locale.ROOT, "  %-42s %10d %10s %6s%n", r.path(), r.calls(), seconds(r.nanos()),
                    percent(r.nanos(), wall)));
        }
        more(s, phases.size());
        return s.toString();
    }

    private static void more(StringBuilder s, int rows) {
        if (rows == 0) s.append("  (none)\n");
        if (rows > MAX_ROWS) s.append(String.format(Locale.ROOT, "  ... %d more%n", rows - MAX_ROWS));
    }

    private static String percent(long part, long whole) {
        return whole <= 0 ? "" : String.format(Locale.ROOT, "%.1f", 100.0 * part / whole);
    }

    /** 1.23 s, 45.6 ms or 789 us. */
    static String seconds(long nanos) {
        if (nanos >= 1_000_000_000L) return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
        if (nanos >= 1_000_000L) return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
        return String.format(Locale.ROOT, "%.0f us", nanos / 1e3);
    }
}
