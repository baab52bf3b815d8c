package catapult.builtins;

import catapult.engine.kernels.Loss;
import catapult.engine.train.LrSchedule;
import catapult.engine.train.Optimizer;
import catapult.engine.train.Schedules;
import catapult.lang.builtins.Args;
import catapult.lang.builtins.Builtin;
import catapult.lang.builtins.BuiltinProvider;
import catapult.lang.builtins.BuiltinRegistry;
import catapult.lang.builtins.Type;
import catapult.lang.value.CatFunction;
import catapult.lang.value.Record;
import catapult.lang.value.Values;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Optimizers and learning-rate schedules (docs/language.md section 8). {@link TrainingBuiltins} holds
 * train, the tracked metrics, catapults, max_lr, phases, sweep and table.
 */
public final class OptimizerBuiltins implements BuiltinProvider {

    /** A learning rate: a number, a schedule value, or a function of the step t. */
    static final Type LR = new Type("number | schedule | function", "a learning rate: a number, a schedule, or a function of the step t",
            v -> v instanceof Double || v instanceof CatFunction && !(v instanceof ModelValue), v -> v);

    private static final Type BATCH = Type.POSITIVE_INT.orNone();
    private static final Type PERIOD = new Type("int", "an integer >= 2",
            v -> Type.INT.accepts(v) && (Double) Type.INT.convert(v) >= 2, Type.INT::convert);

    @Override
    public void register(BuiltinRegistry r) {
        r.describeCategory("training", "train, optimizers, learning-rate schedules, tracked metrics and regimes");
        registerOptimizers(r);
        registerSchedules(r);
    }

    private static void registerOptimizers(BuiltinRegistry r) {
        r.register(optimizer("gd", "Full-batch gradient descent.", "w <- w - lr grad L(w)")
                .param("lr", LR, "learning rate: a number, a schedule, or a function of the step t")
                .example("train(net, data, gd(0.5), steps: 200)")
                .impl(a -> new OptimizerValue(Optimizer.gd(lr(a, "lr")))));
        r.register(optimizer("sgd", "Mini-batch SGD: batches drawn without replacement, reshuffled each epoch.",
                "w <- w - lr grad L_batch(w)")
                .param("lr", LR, "learning rate: a number, a schedule, or a function of the step t")
                .param("batch", Type.POSITIVE_INT, "mini-batch size")
                .example("sgd(0.8, batch: 32)")
                .impl(a -> new OptimizerValue(Optimizer.sgd(lr(a, "lr"), a.integer("batch")))));
        r.register(optimizer("momentum", "Heavy-ball momentum (as torch.optim.SGD with momentum).",
                "v <- beta v + g;  w <- w - lr v")
                .param("lr", LR, "learning rate")
                .optional("beta", Type.FRACTION, 0.9, "momentum coefficient in [0, 1)")
                .optional("batch", BATCH, null, "mini-batch size; none for full batch")
                .example("momentum(0.1, beta: 0.9, batch: 100)")
                .impl(a -> new OptimizerValue(Optimizer.momentum(lr(a, "lr"), a.number("beta"), batch(a)))));
        r.register(optimizer("rmsprop", "RMSprop.", "s <- rho s + (1 - rho) g^2;  w <- w - lr g / (sqrt(s) + eps)")
                .param("lr", LR, "learning rate")
                .optional("rho", Type.FRACTION, 0.99, "decay of the squared-gradient average")
                .optional("eps", Type.POSITIVE, 1e-8, "added to the denominator")
                .optional("batch", BATCH, null, "mini-batch size; none for full batch")
                .example("rmsprop(0.001, batch: 100)")
                .impl(a -> new OptimizerValue(Optimizer.rmsprop(lr(a, "lr"), a.number("rho"), a.number("eps"), batch(a)))));
        r.register(optimizer("adagrad", "Adagrad.", "s <- s + g^2;  w <- w - lr g / (sqrt(s) + eps)")
                .param("lr", LR, "learning rate")
                .optional("eps", Type.POSITIVE, 1e-10, "added to the denominator")
                .optional("batch", BATCH, null, "mini-batch size; none for full batch")
                .example("adagrad(0.05, batch: 100)")
                .impl(a -> new OptimizerValue(Optimizer.adagrad(lr(a, "lr"), a.number("eps"), batch(a)))));
        r.register(optimizer("adadelta", "Adadelta (Zeiler 2012; lr is a multiplier).",
                "s <- rho s + (1-rho) g^2;  d = sqrt(u + eps) / sqrt(s + eps) g;  u <- rho u + (1-rho) d^2;  w <- w - lr d")
                .optional("lr", LR, 1.0, "multiplier of the update")
                .optional("rho", Type.FRACTION, 0.9, "decay of the running averages")
                .optional("eps", Type.POSITIVE, 1e-6, "added inside the square roots")
                .optional("batch", BATCH, null, "mini-batch size; none for full batch")
                .example("adadelta(batch: 100)")
                .impl(a -> new OptimizerValue(Optimizer.adadelta(lr(a, "lr"), a.number("rho"), a.number("eps"), batch(a)))));
        r.register(optimizer("adam", "Adam with bias correction.",
                "m <- b1 m + (1-b1) g;  v <- b2 v + (1-b2) g^2;  w <- w - lr m^ / (sqrt(v^) + eps)")
                .param("lr", LR, "learning rate")
                .optional("b1", Type.FRACTION, 0.9, "decay of the first moment")
                .optional("b2", Type.FRACTION, 0.999, "decay of the second moment")
                .optional("eps", Type.POSITIVE, 1e-8, "added to the denominator")
                .optional("batch", BATCH, null, "mini-batch size; none for full batch")
                .example("adam(0.001, batch: 100)")
                .impl(a -> new OptimizerValue(Optimizer.adam(lr(a, "lr"), a.number("b1"), a.number("b2"), a.number("eps"), batch(a)))));
    }

    private static Builtin.Builder optimizer(String name, String summary, String formula) {
        return Builtin.define(name).category("training").summary(summary).formula(formula).returns("an optimizer").replayable()
                .reference("thesis §4.4 and Table C.1 compare these optimizers");
    }

    private static void registerSchedules(BuiltinRegistry r) {
        r.register(schedule("steps", "Piecewise-constant rate: base until the first listed step, then each listed rate from its step on.",
                "lr(t) = changes[max k <= t], else base")
                .param("base", Type.FINITE_NONNEGATIVE, "rate before the first change")
                .param("changes", Type.RECORD.or(Type.LIST), "{step: rate, ...} (or a list of [step, rate] pairs)")
                .example("gd(steps(6, {15: 10, 60: 15}))")
                .reference("thesis Fig. 4.4: raising the rate after each catapult")
                .impl(a -> new ScheduleValue(Schedules.steps(a.number("base"), changes(a)))));
        r.register(schedule("cyclic", "Triangular cyclic rate: low at the start of each period, high in its middle.",
                "lr(t) = low + (high - low)(1 - |2 (t mod p)/p - 1|)")
                .param("low", Type.FINITE_NONNEGATIVE, "lowest rate").param("high", Type.FINITE_NONNEGATIVE, "highest rate")
                .param("period", PERIOD, "steps per cycle (at least 2)")
                .example("sgd(cyclic(0.1, 1, 100), batch: 32)")
                .impl(a -> new ScheduleValue(Schedules.cyclic(a.number("low"), a.number("high"), a.integer("period")))));
        r.register(schedule("cosine", "Cosine annealing from lr to 0 over total steps.", "lr(t) = lr/2 (1 + cos(pi min(t, total)/total))")
                .param("lr", Type.FINITE_NONNEGATIVE, "initial rate").param("total", Type.POSITIVE_INT, "steps to reach 0")
                .example("gd(cosine(0.5, 1000))")
                .impl(a -> new ScheduleValue(Schedules.cosine(a.number("lr"), a.integer("total")))));
        r.register(schedule("warmup", "Linear warm-up to lr over the first n updates.", "lr(t) = lr min(1, (t + 1)/n)")
                .param("lr", Type.FINITE_NONNEGATIVE, "rate after warm-up").param("n", Type.POSITIVE_INT, "warm-up updates")
                .example("adam(warmup(0.001, 100))")
                .impl(a -> new ScheduleValue(Schedules.warmup(a.number("lr"), a.integer("n")))));
        r.register(schedule("relative", "r times the critical learning rate of the model on the training data at the start.",
                "lr = r eta_crit(w0),  eta_crit = n / lambda_max(K) (mse) or 2 / lambda_max(K) (half_sse)")
                .param("r", Type.FINITE_POSITIVE, "multiple of the critical rate")
                .example("train(net, data, gd(relative(1.5)), steps: 200)   # in the catapult phase")
                .reference("thesis Eq. 3.6-3.8, C.1")
                .impl(a -> new ScheduleValue(Schedules.relative(a.number("r")))));
        r.register(schedule("critical_aware", "Re-sets the rate to ratio x the current critical rate every `every` steps, "
                        + "triggering catapult after catapult.", "lr(t) = ratio eta_crit(w_{every floor(t/every)})")
                .optional("ratio", Type.FINITE_POSITIVE, 1.5, "multiple of the current critical rate")
                .optional("every", Type.POSITIVE_INT, 20, "steps between re-measurements")
                .example("train(net, data, gd(critical_aware(ratio: 1.5, every: 20)), steps: 200)")
                .reference("thesis §4.3 and Chapter 5")
                .impl(a -> new ScheduleValue(Schedules.criticalAware(a.number("ratio"), a.integer("every")))));
    }

    private static Builtin.Builder schedule(String name, String summary, String formula) {
        return Builtin.define(name).category("training").summary(summary).formula(formula).returns("a schedule (call it with a step to see its rate)")
                .replayable();
    }

    /** A learning-rate argument as a schedule: numbers are constant, functions are called with the step. */
    static LrSchedule lr(Args a, String name) {
        Object v = a.get(name);
        if (v instanceof Double d) return LrSchedule.constant(d);
        if (v instanceof ScheduleValue s) return s.schedule();
        CatFunction f = (CatFunction) v;
        return LrSchedule.named(f.show(), (t, ctx) -> {
            Object out = a.call(f, (double) t);
            if (!(out instanceof Double d)) {
                throw new IllegalArgumentException("the learning-rate function must return a number, got " + Values.typeName(out));
            }
            return d;
        });
    }

    private static int batch(Args a) {
        return a.isNone("batch") ? 0 : a.integer("batch");
    }

    private static Map<Integer, Double> changes(Args a) {
        Map<Integer, Double> out = new TreeMap<>();
        Object v = a.get("changes");
        if (v instanceof Record rec) {
            rec.asMap().forEach((k, rate) -> out.put(step(k, a), rate(rate, a)));
        } else {
            for (Object pair : (List<?>) v) {
                if (!(pair instanceof List<?> p) || p.size() != 2) throw a.error("changes: expected [step, rate] pairs, got " + Values.typeName(pair));
                out.put(step(p.get(0), a), rate(p.get(1), a));
            }
        }
        return out;
    }

    private static int step(Object key, Args a) {
        try {
            double d = key instanceof Double x ? x : Double.parseDouble(key.toString());
            if (Values.isIntegral(d) && d >= 0) return (int) d;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw a.error("changes: '" + key + "' is not a step (a non-negative integer)");
    }

    private static double rate(Object v, Args a) {
        if (Type.FINITE_NONNEGATIVE.accepts(v)) return (Double) v;
        throw a.error("changes: rates must be finite numbers >= 0, got " + Type.describe(v));
    }

    static Loss loss(Args a) {
        return Loss.fromName(a.string("loss"));
    }
}
