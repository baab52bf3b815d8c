package catapult.engine.train;

import java.util.Map;

/**
 * What a learning-rate schedule may ask about the model it is driving. One context per model in
 * a run, so critical-aware schedules see their own model's critical rate in lockstep training.
 * Critical rates are computed lazily (only schedules that ask pay for them) and cached per step.
 */
public interface LrContext {

    /** The critical learning rate of the model on the whole training data before the first update. */
    double initialCriticalLr();

    /** The critical learning rate at the current parameters (whole training data). */
    double currentCriticalLr();

    /** Per-model scratch space for schedules that hold a value between steps (keyed by the schedule). */
    Map<Object, Object> state();

    /** A context for schedules that never ask for critical rates; asking throws. */
    static LrContext none() {
        return new LrContext() {
            private final Map<Object, Object> state = new java.util.HashMap<>();

            @Override public double initialCriticalLr() { throw needsModel(); }

            @Override public double currentCriticalLr() { throw needsModel(); }

            @Override public Map<Object, Object> state() { return state; }

            private IllegalArgumentException needsModel() {
                return new IllegalArgumentException("this learning rate depends on the critical learning rate;"
                        + " it can only be evaluated while training a model");
            }
        };
    }
}
