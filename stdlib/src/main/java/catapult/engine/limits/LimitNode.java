package catapult.engine.limits;

import java.util.List;

/**
 * What a node of the architecture is in the infinite-width limit. Three kinds, by how its size
 * behaves as the width grows:
 * <ul>
 * <li>{@link Inputs}: a fixed number of deterministic features (the inputs and what is computed
 *     from them without weights), with their values on the data;</li>
 * <li>{@link Wide}: infinitely many random neurons, described by the features at each position
 *     segment (a concat of wide nodes has one segment per part, with its share of the neurons);
 *     {@code units} is its neuron count in the recorded architecture, which fixes its share of
 *     a dense group's fan-in relative to other wide sources;</li>
 * <li>{@link Fixed}: a fixed number of random neurons, each with its own feature (the outputs).</li>
 * </ul>
 */
sealed interface LimitNode {

    /** n x cols feature values on the data, x[i][u]. */
    record Inputs(double[][] x) implements LimitNode {
        int cols() { return x.length == 0 ? 0 : x[0].length; }
    }

    /** A share {@code fraction} of a wide node's neurons, all computing {@code feature}. */
    record Segment(double fraction, NeuronFeature feature) {}

    record Wide(List<Segment> segments, double units) implements LimitNode {
        public Wide {
            segments = List.copyOf(segments);
        }
    }

    record Fixed(List<NeuronFeature> neurons) implements LimitNode {
        public Fixed {
            neurons = List.copyOf(neurons);
        }
    }
}
