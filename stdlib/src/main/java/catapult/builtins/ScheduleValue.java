package catapult.builtins;

import catapult.engine.train.LrContext;
import catapult.engine.train.LrSchedule;
import catapult.lang.builtins.Type;
import catapult.lang.errors.RuntimeError;
import catapult.lang.eval.Interpreter;
import catapult.lang.syntax.Span;
import catapult.lang.value.CatFunction;
import catapult.lang.value.Values;
import java.util.List;
import java.util.Map;

/**
 * A learning-rate schedule as a language value (`steps(6, {15: 10})`, `cosine(1, 500)`, ...).
 * Callable with a step, `s(20)`, to see its rate; schedules tied to the critical rate
 * (`relative`, `critical_aware`) only have values while training.
 */
public final class ScheduleValue implements CatFunction {
    public static final Type TYPE = Type.of(ScheduleValue.class, "schedule");

    private final LrSchedule schedule;

    public ScheduleValue(LrSchedule schedule) { this.schedule = schedule; }

    public LrSchedule schedule() { return schedule; }

    @Override public String name() { return schedule.toString(); }

    @Override public String typeName() { return "schedule"; }

    @Override public String show() { return schedule.toString(); }

    @Override
    public Object call(Interpreter interp, List<Object> args, Map<String, Object> named, Span site) {
        if (args.size() != 1 || !named.isEmpty() || !(args.get(0) instanceof Double t) || !Values.isIntegral(t) || t < 0) {
            throw new RuntimeError("schedule: call it with one step t >= 0, e.g. s(10)", site);
        }
        try {
            return schedule.at((int) Math.round(t), LrContext.none());
        } catch (IllegalArgumentException e) {
            throw new RuntimeError("schedule: " + e.getMessage(), site);
        }
    }
}
