package catapult.engine.train;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * How an optimizer turns a gradient into a parameter change. Exists so that the seven optimizers
 * share one training loop: the loop owns batches, schedules and metrics, a rule owns only its
 * per-model state (moments, accumulators) and the in-place update.
 */
public interface UpdateRule {

    /** Fresh state for one model whose parameter vector is {@code params} (used for shape and dtype). */
    Stepper start(INDArray params);

    /** The per-model state of a rule; one per model, so models trained in lockstep never share moments. */
    interface Stepper {
        /** Updates {@code w} in place from gradient {@code g} with learning rate {@code lr}. */
        void step(INDArray w, INDArray g, double lr);
    }
}
