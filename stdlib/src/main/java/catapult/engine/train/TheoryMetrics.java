package catapult.engine.train;

import catapult.engine.kernels.SharpnessTracker;
import catapult.engine.limits.NtkDistance;

/**
 * The measurements behind the tracked metrics that put theory next to training: "sharpness" /
 * sharpness(k) (top eigenvalues of the loss Hessian on the training data, warm-started between
 * tracked steps) and "ntk_distance" (the tangent kernel's distance to the architecture's
 * infinite-width limit). Each model keeps its own tracker in its training state.
 */
final class TheoryMetrics {
    private TheoryMetrics() {}

    static Metric.MetricMeasure sharpness(int k) {
        return s -> s.tracker("sharpness", () -> new SharpnessTracker(s.model(), s.data().x(), s.data().y(), s.loss(), k))
                .measure();
    }

    static Metric.MetricMeasure ntkDistance() {
        return s -> new double[] {s.tracker("ntk_distance", () -> new NtkDistance(s.model(), s.data().x())).measure()};
    }
}
