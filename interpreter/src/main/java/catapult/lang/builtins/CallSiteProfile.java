package catapult.lang.builtins;

import catapult.lang.syntax.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Time spent in built-in calls, per call site (file:line:col and the builtin's name), for
 * {@code catapult run --profile} and the REPL's {@code :profile}. Off by default: then
 * {@link Builtin#call} checks one volatile field and does nothing else. Times are inclusive (a
 * train call's time contains the builtins its until function calls); sweeps' worker threads
 * record too.
 */
public final class CallSiteProfile {

    /** One row of the report. */
    public record Row(String site, String builtin, long calls, long nanos) {
        public double meanNanos() { return calls == 0 ? 0 : (double) nanos / calls; }
    }

    private static volatile CallSiteProfile active;

    private final Map<String, long[]> bySite = new ConcurrentHashMap<>();
    private final Map<String, String> names = new ConcurrentHashMap<>();

    private CallSiteProfile() {}

    /** Starts recording into a fresh profile (replacing any running one) and returns it. */
    public static CallSiteProfile start() {
        CallSiteProfile p = new CallSiteProfile();
        active = p;
        return p;
    }

    /** Stops recording; the profile keeps what it has. */
    public static void stop() { active = null; }

    /** The recording profile, or null when profiling is off. */
    static CallSiteProfile active() { return active; }

    void add(Span site, String builtin, long nanos) {
        String key = site.location() + " " + builtin;
        long[] t = bySite.computeIfAbsent(key, k -> {
            names.put(k, builtin);
            return new long[2];
        });
        synchronized (t) {
            t[0]++;
            t[1] += nanos;
        }
    }

    /** Every call site, largest total first. */
    public List<Row> rows() {
        List<Row> out = new ArrayList<>();
        bySite.forEach((k, t) -> {
            synchronized (t) {
                String builtin = names.get(k);
                out.add(new Row(k.substring(0, k.length() - builtin.length() - 1), builtin, t[0], t[1]));
            }
        });
        out.sort((a, b) -> Long.compare(b.nanos(), a.nanos()));
        return out;
    }
}
