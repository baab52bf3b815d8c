package catapult.engine.graph;

import catapult.engine.autodiff.Activation;

/**
 * What one recorded group computes, in symbolic terms (no weights): the arguments of the DSL
 * builder that created it. Exists so that analyses of the architecture itself, such as the
 * infinite-width kernels, can read the DAG without drawing or compiling a network.
 */
public sealed interface GroupSpec {

    /** {@code input(d)} or {@code input(h, w, c)}. */
    record Input() implements GroupSpec {}

    /** {@code dense(src, units, bias:, drop:, indegree:, trainable:)}; indegree is null when not given. */
    record Dense(int units, boolean bias, double drop, Integer indegree, boolean trainable) implements GroupSpec {}

    /** {@code conv(src, channels, kernel:, stride:, padding:, bias:)}. */
    record Conv(int channels, int kernel, int stride, String padding, boolean bias) implements GroupSpec {}

    /** {@code avgpool(src, size)}: means over size x size windows of an image. */
    record AvgPool(int size) implements GroupSpec {}

    /** {@code flatten(src)}. */
    record Flatten() implements GroupSpec {}

    /**
     * {@code concat(a, b, ...)}: {@code positions} spatial positions (1 for vectors) times
     * {@code widths[i]} features of source i at each.
     */
    record Concat(int positions, int[] widths) implements GroupSpec {}

    /** The skip connection {@code a + b}. */
    record Add() implements GroupSpec {}

    /** The fixed scale {@code c * a}. */
    record Scale(double factor) implements GroupSpec {}

    /** An activation applied to every neuron of its source. */
    record Act(Activation activation) implements GroupSpec {}
}
