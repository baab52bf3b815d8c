package catapult.engine.limits;

import catapult.engine.graph.ArchGraph;
import catapult.engine.graph.GraphGroup;
import catapult.engine.graph.GroupSpec;
import catapult.engine.limits.LimitNode.Fixed;
import catapult.engine.limits.LimitNode.Inputs;
import catapult.engine.limits.LimitNode.Segment;
import catapult.engine.limits.LimitNode.Wide;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Walks an {@link ArchGraph} in creation order, turning each group into its {@link LimitNode}
 * and each dense group into its kernel components ({@link DenseLimit}), then reads the output
 * kernels off the output neurons' features. Dense groups that reach an output through weightless
 * builders keep their size (they are the outputs); every other dense group is taken to infinite
 * width, all together, keeping the ratios of their sizes in the recorded architecture.
 */
final class LimitRecursion {
    private final ArchGraph graph;
    private final double[][] x;
    private final double std;
    private final int n;
    private final LimitNode[] nodes;
    private final Map<Integer, List<KernelComponent>> dense = new HashMap<>();
    private final Map<Integer, double[][]> averaged = new HashMap<>();
    private final Set<Integer> fixedGroups;
    private final FeatureKernels features;

    /** Output kernels, nk x nk row-major (row i*k + a is output a of example i). */
    record Result(double[] nngp, double[] ntk, int n, int k) {}

    LimitRecursion(ArchGraph graph, double[][] x, double std) {
        this.graph = graph;
        this.x = x;
        this.std = std;
        this.n = x.length;
        this.nodes = new LimitNode[graph.groups().size()];
        this.fixedGroups = fixedGroups(graph);
        this.features = new FeatureKernels(n, dense, id -> graph.groups().get(id).describe());
    }

    Result run() {
        int inputAt = 0;
        for (GraphGroup g : graph.groups()) {
            if (g.spec() instanceof GroupSpec.Input) {
                nodes[g.id()] = inputSlice(inputAt, g.size());
                inputAt += g.size();
            } else {
                nodes[g.id()] = node(g);
            }
        }
        return outputs();
    }

    private LimitNode node(GraphGroup g) {
        int[] src = g.sources();
        GroupSpec spec = g.spec();
        if (spec instanceof GroupSpec.Dense d) return dense(g, d);
        if (spec instanceof GroupSpec.Act a) return NodeAlgebra.activation(g, nodes[src[0]], a.activation());
        if (spec instanceof GroupSpec.Add) return NodeAlgebra.add(g, nodes[src[0]], nodes[src[1]]);
        if (spec instanceof GroupSpec.Scale s) return NodeAlgebra.scale(nodes[src[0]], s.factor());
        if (spec instanceof GroupSpec.Concat c) return NodeAlgebra.concat(g, sourcesOf(g), c.positions());
        if (spec instanceof GroupSpec.Flatten) return nodes[src[0]];
        if (spec instanceof GroupSpec.AvgPool p) {
            return NodeAlgebra.avgpool(g, nodes[src[0]], graph.groups().get(src[0]).shape(), p.size());
        }
        throw new IllegalArgumentException(g.describe() + ": the infinite-width limit of a convolution is not"
                + " implemented; the limit kernels take dense networks (dense, activations, skip +, c * node, concat,"
                + " flatten, avgpool of inputs)");
    }

    private LimitNode dense(GraphGroup g, GroupSpec.Dense spec) {
        List<LimitNode> sources = sourcesOf(g);
        dense.put(g.id(), DenseLimit.components(g, sources, i -> averagedKernels(g.sources()[i]), n, std));
        if (fixedGroups.contains(g.id())) {
            List<NeuronFeature> neurons = new ArrayList<>();
            for (int v = 0; v < spec.units(); v++) neurons.add(NeuronFeature.preactivation(new NeuronKey(g.id(), v)));
            return new Fixed(neurons);
        }
        NeuronFeature f = NeuronFeature.preactivation(new NeuronKey(g.id(), NeuronKey.ALIGNED));
        return new Wide(List.of(new Segment(1.0, f)), spec.units());
    }

    /** {Kbar, Thetabar}: a wide node's kernels averaged over its neurons, cached per node. */
    private double[][] averagedKernels(int id) {
        return averaged.computeIfAbsent(id, k -> {
            Wide w = (Wide) nodes[k];
            double[] sigma = new double[n * n];
            double[] theta = new double[n * n];
            for (Segment s : w.segments()) {
                FeatureKernels.Pair p = features.of(s.feature(), s.feature(), true);
                for (int q = 0; q < n * n; q++) {
                    sigma[q] += s.fraction() * p.nngp()[q];
                    theta[q] += s.fraction() * p.ntk()[q];
                }
            }
            return new double[][] {sigma, theta};
        });
    }

    private Result outputs() {
        List<NeuronFeature> out = outputNeurons();
        int k = out.size();
        double[] nngp = new double[n * k * n * k];
        double[] ntk = new double[n * k * n * k];
        for (int a = 0; a < k; a++) {
            for (int b = a; b < k; b++) {
                FeatureKernels.Pair p = features.of(out.get(a), out.get(b), a == b);
                place(p.nngp(), nngp, a, b, k);
                place(p.ntk(), ntk, a, b, k);
            }
        }
        return new Result(nngp, ntk, n, k);
    }

    /** The features of the output coordinates, in the order given to output(...). */
    private List<NeuronFeature> outputNeurons() {
        List<NeuronFeature> out = new ArrayList<>();
        for (int o : graph.outputs()) {
            if (!(nodes[o] instanceof Fixed f)) {
                throw new IllegalArgumentException("output " + graph.groups().get(o).describe()
                        + " has no weights between it and the inputs; the limit needs outputs computed by dense groups");
            }
            out.addAll(f.neurons());
        }
        return out;
    }

    /** Writes the n x n block of outputs (a, b) and its transpose (b, a) into the nk x nk kernel (row i*k + a). */
    private void place(double[] block, double[] kernel, int a, int b, int k) {
        int side = n * k;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                int r = i * k + a;
                int c = j * k + b;
                kernel[r * side + c] = block[i * n + j];
                kernel[c * side + r] = block[i * n + j];
            }
        }
    }

    private Inputs inputSlice(int from, int size) {
        double[][] s = new double[n][size];
        for (int i = 0; i < n; i++) System.arraycopy(x[i], from, s[i], 0, size);
        return new Inputs(s);
    }

    private List<LimitNode> sourcesOf(GraphGroup g) {
        List<LimitNode> out = new ArrayList<>();
        for (int s : g.sources()) out.add(nodes[s]);
        return out;
    }

    /** Dense groups an output reaches through weightless builders only: they keep their size. */
    private static Set<Integer> fixedGroups(ArchGraph graph) {
        Set<Integer> fixed = new HashSet<>();
        List<Integer> stack = new ArrayList<>();
        for (int o : graph.outputs()) stack.add(o);
        Set<Integer> seen = new HashSet<>();
        while (!stack.isEmpty()) {
            int id = stack.remove(stack.size() - 1);
            if (!seen.add(id)) continue;
            GraphGroup g = graph.groups().get(id);
            if (g.spec() instanceof GroupSpec.Dense || g.spec() instanceof GroupSpec.Conv) {
                fixed.add(id);
                continue;
            }
            for (int s : g.sources()) stack.add(s);
        }
        return fixed;
    }
}
