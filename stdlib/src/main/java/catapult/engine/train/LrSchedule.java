package catapult.engine.train;

import catapult.engine.table.NumberText;
import java.util.function.DoubleUnaryOperator;
import java.util.function.IntToDoubleFunction;

/**
 * A learning rate as a function of the step t (0 for the first update). Numbers, the named
 * schedules of {@link Schedules} and user lambdas all become this one type, so the training loop
 * asks a single question per update: what is the rate for update t of this model?
 */
@FunctionalInterface
public interface LrSchedule {

    /** The learning rate of update t (from 0) for the model described by {@code ctx}. */
    double at(int t, LrContext ctx);

    /** A fixed learning rate. */
    static LrSchedule constant(double lr) {
        if (!(lr >= 0) || Double.isInfinite(lr)) {
            throw new IllegalArgumentException("learning rate must be a finite number >= 0, got " + NumberText.number(lr));
        }
        return new LrSchedule() {
            @Override public double at(int t, LrContext ctx) { return lr; }

            @Override public String toString() { return NumberText.number(lr); }
        };
    }

    /** A rate given by a function of the integer step. */
    static LrSchedule of(IntToDoubleFunction f) {
        return named("fn", (t, ctx) -> f.applyAsDouble(t));
    }

    /** A rate given by a function of the step as a double (how a language lambda sees it). */
    static LrSchedule of(DoubleUnaryOperator f) {
        return named("fn", (t, ctx) -> f.applyAsDouble(t));
    }

    /** Wraps {@code s} so it prints as {@code text} (runs and tables show schedules by name). */
    static LrSchedule named(String text, LrSchedule s) {
        return new LrSchedule() {
            @Override public double at(int t, LrContext ctx) { return s.at(t, ctx); }

            @Override public String toString() { return text; }
        };
    }
}
