package catapult.engine.graph;

import java.util.SplittableRandom;

/**
 * The parameterization chosen at {@code init}: NTK (weights N(0, std^2), pre-activations scaled
 * by 1/sqrt(in-degree), biases N(0, std^2)) or standard (PyTorch default: weights and biases
 * U(-1/sqrt(fan_in), 1/sqrt(fan_in)) times std, no scale factor).
 */
record Init(double std, boolean ntk) {

    static Init of(double std, String param) {
        if ("ntk".equals(param)) return new Init(std, true);
        if ("standard".equals(param)) return new Init(std, false);
        throw new IllegalArgumentException("unknown parameterization \"" + param + "\" (\"ntk\" or \"standard\")");
    }

    /** The pre-activation factor for a neuron with the given in-degree. */
    double scale(int inDegree) { return ntk && inDegree > 0 ? 1.0 / Math.sqrt(inDegree) : 1.0; }

    /** One weight (or bias) for a neuron whose fan-in is {@code fanIn}. */
    double draw(SplittableRandom rng, int fanIn) {
        if (ntk) return std * rng.nextGaussian();
        double bound = fanIn > 0 ? 1.0 / Math.sqrt(fanIn) : 1.0;
        return std * (2.0 * rng.nextDouble() - 1.0) * bound;
    }
}
