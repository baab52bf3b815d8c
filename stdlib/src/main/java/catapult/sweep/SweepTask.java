package catapult.sweep;

import catapult.lang.session.Session;
import catapult.lang.syntax.Span;
import catapult.lang.value.CatFunction;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * What an engine is asked to run: the body, the points still to compute, where the sweep was
 * called, and how to report. Engines call {@link #report} once per finished point, from any
 * thread, and stop starting points (and cancel running ones) once {@link #stopping()} holds.
 *
 * @param session the sweeping session (its globals, precision and interrupts)
 * @param on      the engine the user asked for: "threads", "spark", a Spark master URL
 * @param threads worker threads for the threads engine (0: every core)
 */
public record SweepTask(Session session, CatFunction body, List<GridPoint> points, Span site, String on, int threads,
                        BooleanSupplier stop, Consumer<PointOutcome> sink) {

    /** True once the sweep should stop: an interrupt, or a failure with errors: "fail". */
    public boolean stopping() { return stop.getAsBoolean(); }

    /** Hands a finished point to the sweep (thread-safe). */
    public void report(PointOutcome outcome) { sink.accept(outcome); }
}
