package catapult.lang.builtins;

import catapult.lang.errors.CatapultError;
import catapult.lang.errors.RuntimeError;
import catapult.lang.eval.Interpreter;
import catapult.lang.syntax.Span;
import catapult.lang.value.CatFunction;
import catapult.lang.value.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * A built-in function with the metadata that drives argument checking, REPL completion,
 * `:help name` and the generated reference (docs/builtins.md). Create one with
 * {@link #define(String)}; the implementation receives checked, converted {@link Args}.
 */
public final class Builtin implements CatFunction {

    /** The body of a built-in. */
    @FunctionalInterface
    public interface Impl {
        Object call(Args args);
    }

    private final String name;
    private final String category;
    private final String summary;
    private final String formula;
    private final String returns;
    private final String example;
    private final String reference;
    private final List<Param> params;
    private final boolean interruptible;
    private final boolean replayable;
    private final Impl impl;

    private Builtin(Builder b) {
        this.name = b.name;
        this.category = b.category;
        this.summary = b.summary;
        this.formula = b.formula;
        this.returns = b.returns;
        this.example = b.example;
        this.reference = b.reference;
        this.params = List.copyOf(b.params);
        this.interruptible = b.interruptible;
        this.replayable = b.replayable;
        this.impl = b.impl;
    }

    public static Builder define(String name) { return new Builder(name); }

    @Override public String name() { return name; }
    public String category() { return category; }
    public String summary() { return summary; }
    public String formula() { return formula; }
    public String returns() { return returns; }
    public String example() { return example; }
    public String reference() { return reference; }
    public List<Param> params() { return params; }

    /** Whether this built-in polls for interrupts and returns its partial result when stopped (train, sweep). */
    public boolean interruptible() { return interruptible; }

    /**
     * Whether the values this built-in returns travel to other processes (a sweep on Spark,
     * {@code save}) as the call that made them, rebuilt there by calling it again.
     */
    public boolean replayable() { return replayable; }

    /** "dense(src, units, bias: false, drop: 0)" */
    public String signature() {
        List<String> parts = new ArrayList<>();
        for (Param p : params) parts.add(p.signature());
        return name + "(" + String.join(", ", parts) + ")";
    }

    @Override
    public Object call(Interpreter interp, List<Object> args, Map<String, Object> named, Span site) {
        CallSiteProfile profile = CallSiteProfile.active();
        if (profile == null) return invoke(interp, args, named, site);
        long t0 = System.nanoTime();
        try {
            return invoke(interp, args, named, site);
        } finally {
            profile.add(site, name, System.nanoTime() - t0);
        }
    }

    private Object invoke(Interpreter interp, List<Object> args, Map<String, Object> named, Span site) {
        Args bound = Args.bind(this, interp, args, named, site);
        try {
            // engine loops poll the session's interrupt; train and sweep stop by themselves and keep partial results
            BooleanSupplier check = interruptible ? () -> false : interp::interruptPending;
            Object result = Values.wrap(Cancellation.watching(check, () -> impl.call(bound)));
            if (replayable) catapult.lang.codec.CallRecipes.remember(result, bound);
            if (interruptible && interp.interruptPending()) interp.session().acknowledgeInterrupt(name, site);
            return result;
        } catch (CatapultError e) {
            throw e;
        } catch (java.util.concurrent.CancellationException e) {
            throw new catapult.lang.errors.Interrupted(site);
        } catch (StackOverflowError e) {
            throw new RuntimeError(name + ": the value is nested too deeply to process (stack overflow)", site);
        } catch (OutOfMemoryError e) {
            // A last line of defence: sizes are checked before allocating (MemoryBudget); this catches what slips by.
            throw new RuntimeError(name + ": out of memory (" + e.getMessage() + "); "
                    + MemoryBudget.size(MemoryBudget.available()) + " are free now", site);
        } catch (IllegalArgumentException | IllegalStateException | UnsupportedOperationException | ArithmeticException e) {
            throw new RuntimeError(prefixed(e.getMessage()), site);
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) throw new catapult.lang.errors.Interrupted(site);
            throw internal(e, site);
        }
    }

    private String prefixed(String message) {
        String m = message == null ? "invalid arguments" : message;
        return m.startsWith(name + ":") ? m : name + ": " + m;
    }

    private RuntimeError internal(RuntimeException e, Span site) {
        if (System.getenv("CATAPULT_DEBUG") != null) e.printStackTrace();
        return new RuntimeError(name + ": internal error (" + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); set CATAPULT_DEBUG=1 for details", site);
    }

    @Override public String show() { return "<builtin " + signature() + ">"; }

    /** Fluent construction of a built-in's metadata. */
    public static final class Builder {
        private final String name;
        private String category = "core";
        private String summary = "";
        private String formula = "";
        private String returns = "";
        private String example = "";
        private String reference = "";
        private final List<Param> params = new ArrayList<>();
        private boolean interruptible;
        private boolean replayable;
        private Impl impl;

        private Builder(String name) { this.name = name; }

        public Builder category(String c) { category = c; return this; }
        public Builder summary(String s) { summary = s; return this; }
        public Builder formula(String f) { formula = f; return this; }
        public Builder returns(String r) { returns = r; return this; }
        public Builder example(String e) { example = e; return this; }
        public Builder reference(String r) { reference = r; return this; }

        /** Marks a long built-in that stops early on an interrupt and returns what it computed. */
        public Builder interruptible() { interruptible = true; return this; }

        /**
         * Marks a built-in whose result is a deterministic function of its arguments and is
         * shipped by value as this call (optimizers, schedules, metrics, guest functions).
         */
        public Builder replayable() { replayable = true; return this; }

        public Builder param(String name, Type type, String doc) {
            params.add(Param.required(name, type, doc));
            return this;
        }

        public Builder optional(String name, Type type, Object defaultValue, String doc) {
            params.add(Param.optional(name, type, Values.wrap(defaultValue), doc));
            return this;
        }

        public Builder variadic(String name, Type type, String doc) {
            params.add(Param.variadic(name, type, doc));
            return this;
        }

        public Builtin impl(Impl impl) {
            this.impl = impl;
            if (summary.isEmpty()) throw new IllegalStateException("builtin " + name + " needs a summary");
            return new Builtin(this);
        }
    }
}
