package catapult.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the engine's time goes, by phase (forward, reverse, kernel/eigen work, data gathering,
 * tracking, ...), for {@code catapult run --profile} and the REPL's {@code :profile}. Off by
 * default: then {@link #enter} is one volatile read returning a shared no-op scope, so the hooks
 * cost nothing measurable. When on, each thread keeps a stack of open phases and the time is
 * charged to the innermost one, keyed by its path ("tracking > forward"), so nested work is
 * counted once and still shows what caused it.
 */
public final class PhaseClock {

    /** The engine's phases. */
    public enum Phase {
        FORWARD("forward"), TANGENT("forward-mode tangents"), REVERSE("reverse"), KERNEL("kernel/eigen"),
        GATHER("data gathering"), UPDATE("optimizer update"), LOSS("full loss"), TRACKING("tracking");

        private final String label;

        Phase(String label) { this.label = label; }

        public String label() { return label; }
    }

    /** An open phase; closing it stops its clock. */
    public interface Scope extends AutoCloseable {
        @Override void close();
    }

    /** One row of the report: a phase path, how often it was entered, its exclusive time. */
    public record Row(String path, long calls, long nanos) {}

    private static final Scope NONE = () -> { };
    private static volatile boolean on;
    private static final Map<String, long[]> TOTALS = new ConcurrentHashMap<>();
    private static final ThreadLocal<List<Frame>> STACK = ThreadLocal.withInitial(ArrayList::new);

    private PhaseClock() {}

    /** Starts a phase on this thread (a no-op while profiling is off). */
    public static Scope enter(Phase phase) {
        return on ? push(phase) : NONE;
    }

    /** Turns recording on (clearing earlier totals) or off. */
    public static void record(boolean enabled) {
        if (enabled) TOTALS.clear();
        on = enabled;
    }

    public static boolean recording() { return on; }

    /** The totals so far, largest exclusive time first. */
    public static List<Row> rows() {
        List<Row> out = new ArrayList<>();
        TOTALS.forEach((k, v) -> {
            synchronized (v) { out.add(new Row(k, v[0], v[1])); }
        });
        out.sort((a, b) -> Long.compare(b.nanos(), a.nanos()));
        return out;
    }

    private static Scope push(Phase phase) {
        List<Frame> stack = STACK.get();
        long now = System.nanoTime();
        if (!stack.isEmpty()) stack.get(stack.size() - 1).pause(now);
        String path = stack.isEmpty() || stack.get(0).phase == phase ? phase.label()
                : stack.get(0).phase.label() + " > " + phase.label();
        Frame f = new Frame(phase, path, now);
        stack.add(f);
        return () -> pop(stack, f);
    }

    private static void pop(List<Frame> stack, Frame f) {
        long now = System.nanoTime();
        int at = stack.lastIndexOf(f);
        if (at < 0) return;
        while (stack.size() > at) stack.remove(stack.size() - 1);
        charge(f.path, f.elapsed(now));
        if (!stack.isEmpty()) stack.get(stack.size() - 1).resume(now);
    }

    private static void charge(String path, long nanos) {
        long[] t = TOTALS.computeIfAbsent(path, k -> new long[2]);
        synchronized (t) {
            t[0]++;
            t[1] += nanos;
        }
    }

    /** One open phase: exclusive time accumulates while it is the innermost. */
    private static final class Frame {
        final Phase phase;
        final String path;
        private long since;
        private long total;

        Frame(Phase phase, String path, long now) {
            this.phase = phase;
            this.path = path;
            this.since = now;
        }

        void pause(long now) { total += now - since; }

        void resume(long now) { since = now; }

        long elapsed(long now) { return total + now - since; }
    }
}
