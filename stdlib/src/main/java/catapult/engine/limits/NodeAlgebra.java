package catapult.engine.limits;

import catapult.engine.autodiff.Activation;
import catapult.engine.graph.GraphGroup;
import catapult.engine.limits.LimitNode.Fixed;
import catapult.engine.limits.LimitNode.Inputs;
import catapult.engine.limits.LimitNode.Segment;
import catapult.engine.limits.LimitNode.Wide;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The weightless builders in the limit: skip connections a + b, fixed scales c * a, activations,
 * concat and avgpool, acting on {@link LimitNode}s. Each throws, naming the group, where the
 * limit would not be a Gaussian expectation of the dense pre-activations.
 */
final class NodeAlgebra {
    private NodeAlgebra() {}

    static LimitNode scale(LimitNode a, double c) {
        if (a instanceof Inputs in) return mapInputs(in, v -> v * c);
        return mapFeatures(a, f -> f.times(c));
    }

    static LimitNode activation(GraphGroup g, LimitNode a, Activation act) {
        if (a instanceof Inputs in) {
            double[][] out = new double[in.x().length][];
            for (int i = 0; i < out.length; i++) out[i] = act.value(Nd4j.createFromArray(in.x()[i])).toDoubleVector();
            return new Inputs(out);
        }
        return mapFeatures(a, f -> {
            NeuronFeature r = f.apply(act);
            if (r == null) {
                throw new IllegalArgumentException(g.describe() + ": the limit of " + act.languageName() + " applied to a sum"
                        + " with a nonlinear term (as in relu(dense(h) + h) with h = relu(...)) is not a Gaussian expectation;"
                        + " the limit kernels take activations of dense outputs (and of sums of them), with skip connections added"
                        + " after the activation (h + relu(dense(h)))");
            }
            return r;
        });
    }

    static LimitNode add(GraphGroup g, LimitNode a, LimitNode b) {
        if (a instanceof Inputs x && b instanceof Inputs y) {
            double[][] out = new double[x.x().length][];
            for (int i = 0; i < out.length; i++) {
                out[i] = x.x()[i].clone();
                for (int u = 0; u < out[i].length; u++) out[i][u] += y.x()[i][u];
            }
            return new Inputs(out);
        }
        if (a instanceof Fixed x && b instanceof Fixed y) {
            List<NeuronFeature> out = new ArrayList<>();
            for (int i = 0; i < x.neurons().size(); i++) out.add(x.neurons().get(i).plus(y.neurons().get(i)));
            return new Fixed(out);
        }
        if (a instanceof Wide x && b instanceof Wide y) return addWide(x, y);
        throw new IllegalArgumentException(g.describe() + ": a skip connection between a group of fixed size (an input"
                + " or an output) and a wide group has no infinite-width limit");
    }

    /** Joins the segment lists at every boundary of either side, adding features position-wise. */
    private static Wide addWide(Wide x, Wide y) {
        List<Segment> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        double ax = 0;   // start of the remaining part of x's segment i, relative to the node
        double ay = 0;
        double pos = 0;
        while (i < x.segments().size() && j < y.segments().size()) {
            double endX = ax + x.segments().get(i).fraction();
            double endY = ay + y.segments().get(j).fraction();
            double end = Math.min(endX, endY);
            if (end > pos) out.add(new Segment(end - pos, x.segments().get(i).feature().plus(y.segments().get(j).feature())));
            pos = end;
            if (endX <= end) { ax = endX; i++; }
            if (endY <= end) { ay = endY; j++; }
        }
        return new Wide(out, x.units());
    }

    /**
     * concat: wide parts keep their share of the neurons (fixed-size parts have a vanishing share
     * next to them); without wide parts, inputs concatenate their features (per position for
     * images) and fixed groups their neurons.
     */
    static LimitNode concat(GraphGroup g, List<LimitNode> parts, int positions) {
        double wideUnits = 0;
        for (LimitNode p : parts) if (p instanceof Wide w) wideUnits += w.units();
        if (wideUnits > 0) {
            List<Segment> out = new ArrayList<>();
            for (LimitNode p : parts) {
                if (!(p instanceof Wide w)) continue;
                for (Segment s : w.segments()) out.add(new Segment(s.fraction() * w.units() / wideUnits, s.feature()));
            }
            return new Wide(out, wideUnits);
        }
        if (parts.stream().allMatch(p -> p instanceof Inputs)) return concatInputs(parts, positions);
        if (parts.stream().allMatch(p -> p instanceof Fixed)) {
            List<NeuronFeature> out = new ArrayList<>();
            for (LimitNode p : parts) out.addAll(((Fixed) p).neurons());
            return new Fixed(out);
        }
        throw new IllegalArgumentException(g.describe() + ": joins input features with output neurons;"
                + " its limit is not defined");
    }

    private static Inputs concatInputs(List<LimitNode> parts, int positions) {
        int n = ((Inputs) parts.get(0)).x().length;
        int total = 0;
        for (LimitNode p : parts) total += ((Inputs) p).cols();
        double[][] out = new double[n][total];
        for (int i = 0; i < n; i++) {
            int at = 0;
            for (int pos = 0; pos < positions; pos++) {
                for (LimitNode p : parts) {
                    double[] row = ((Inputs) p).x()[i];
                    int width = row.length / positions;
                    System.arraycopy(row, pos * width, out[i], at, width);
                    at += width;
                }
            }
        }
        return new Inputs(out);
    }

    /** Non-overlapping size x size means of an h x w x c image of input features. */
    static LimitNode avgpool(GraphGroup g, LimitNode a, long[] in, int size) {
        if (!(a instanceof Inputs x)) {
            throw new IllegalArgumentException(g.describe() + ": avgpool of a group with weights (from conv) has no limit here");
        }
        int h = (int) in[0];
        int w = (int) in[1];
        int c = (int) in[2];
        int ho = h / size;
        int wo = w / size;
        double[][] out = new double[x.x().length][ho * wo * c];
        for (int i = 0; i < out.length; i++) {
            for (int r = 0; r < ho * size; r++) {
                for (int s = 0; s < wo * size; s++) {
                    for (int ch = 0; ch < c; ch++) {
                        out[i][((r / size) * wo + s / size) * c + ch] += x.x()[i][(r * w + s) * c + ch] / (size * size);
                    }
                }
            }
        }
        return new Inputs(out);
    }

    private static Inputs mapInputs(Inputs in, java.util.function.DoubleUnaryOperator f) {
        double[][] out = new double[in.x().length][];
        for (int i = 0; i < out.length; i++) out[i] = java.util.Arrays.stream(in.x()[i]).map(f).toArray();
        return new Inputs(out);
    }

    private static LimitNode mapFeatures(LimitNode a, UnaryOperator<NeuronFeature> f) {
        if (a instanceof Fixed x) return new Fixed(x.neurons().stream().map(f).toList());
        Wide w = (Wide) a;
        List<Segment> out = new ArrayList<>();
        for (Segment s : w.segments()) out.add(new Segment(s.fraction(), f.apply(s.feature())));
        return new Wide(out, w.units());
    }
}
