package catapult.engine.graph;

import catapult.numerics.Precision;
import catapult.engine.autodiff.Activation;
import catapult.engine.autodiff.ActivationOp;
import catapult.engine.autodiff.AddOp;
import catapult.engine.autodiff.ConcatOp;
import catapult.engine.autodiff.ConvOp;
import catapult.engine.autodiff.DenseOp;
import catapult.engine.autodiff.InputOp;
import catapult.engine.autodiff.Op;
import catapult.engine.autodiff.PoolOp;
import catapult.engine.autodiff.OpProgram;
import catapult.engine.autodiff.ReshapeOp;
import catapult.engine.autodiff.ScaleOp;
import catapult.lang.builtins.Cancellation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Records a DAG of neuron groups, one call per DSL graph builder, and compiles it into a
 * {@link Network}. Builders check shapes eagerly so an {@code arch} body fails at the line
 * that is wrong; randomness (weights, dropped edges) is drawn only at {@link #build}.
 */
public final class GraphBuilder {
    /** Creates the op of one recorded group once the seed and parameterization are known. */
    private interface Factory {
        Op make(int id, SplittableRandom rng, Init init, DataType dtype);
    }

    /** One recorded group: kind, sources, per-example shape, whether it adds a layer, what it computes. */
    record Group(String kind, int[] src, long[] shape, boolean weighted, GroupSpec spec, String origin,
                 Factory factory) {}

    private final List<Group> groups = new ArrayList<>();
    private final List<Integer> outputs = new ArrayList<>();
    private boolean outputSet;
    private String origin;
    private double weights;

    /**
     * Where in the user's code the next group is created ("file:line:col"), for messages that name
     * a group; it applies to that one group only.
     */
    public void at(String where) { origin = where; }

    /** The recorded DAG so far, symbolically (no weights drawn). */
    public ArchGraph graph() {
        List<GraphGroup> out = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            Group g = groups.get(i);
            out.add(new GraphGroup(i, g.kind(), g.src().clone(), g.shape().clone(), g.spec(), g.origin()));
        }
        return new ArchGraph(out, toArray(outputs));
    }

    /** A vector input of d features. */
    public Node input(int d) {
        return add("input", new int[0], new long[]{d}, false, new GroupSpec.Input(), (id, r, i, t) -> new InputOp(id, new long[]{d}));
    }

    /** An image input h x w x c (channels last). */
    public Node input(int h, int w, int c) {
        if ((long) h * w * c > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("an input of " + h + " x " + w + " x " + c + " values is more than one input can hold");
        }
        long[] s = {h, w, c};
        return add("input", new int[0], s, false, new GroupSpec.Input(), (id, r, i, t) -> new InputOp(id, s));
    }

    /** dense(src, units) with no bias, no dropped edges, trainable. */
    public Node dense(Node src, int units) {
        return dense(List.of(src), units, false, 0.0, null, true);
    }

    /**
     * A group of {@code units} neurons with edges from every neuron of every source.
     *
     * @param drop      probability of removing each edge, fixed at init (0 keeps all)
     * @param indegree  when not null, each neuron gets exactly this many random sources
     * @param trainable false freezes the weights at init (they are not parameters)
     */
    public Node dense(List<Node> srcs, int units, boolean bias, double drop, Integer indegree,
                      boolean trainable) {
        int[] ids = sources(srcs);
        int[] sizes = new int[ids.length];
        for (int i = 0; i < ids.length; i++) sizes[i] = srcs.get(i).size();
        long faninTotal = java.util.Arrays.stream(sizes).asLongStream().sum();
        if (faninTotal > Integer.MAX_VALUE) throw new IllegalArgumentException(faninTotal + " source neurons are more than one layer can take");
        int fanin = (int) faninTotal;
        if (indegree != null) {
            if (indegree > fanin) {
                throw new IllegalArgumentException("an in-degree of " + indegree + " is more than the "
                        + fanin + " source neurons");
            }
        }
        if ((long) units * fanin > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(units + " units x " + fanin + " inputs are more weights than one layer can hold");
        }
        weights += (double) units * fanin;
        EdgePlan plan = new EdgePlan(units, fanin, drop, indegree);
        return add("dense", ids, new long[]{units}, true,
                new GroupSpec.Dense(units, bias, drop, indegree, trainable), (id, rng, init, dt) -> {
            boolean[] mask = plan.mask(rng);
            int[] deg = EdgePlan.inDegrees(mask, units, fanin);
            double[] scale = new double[units];
            double[] w = new double[units * fanin];
            for (int v = 0; v < units; v++) {
                Cancellation.poll();
                scale[v] = init.scale(deg[v]);
                for (int u = 0; u < fanin; u++) w[v * fanin + u] = init.draw(rng, deg[v]);
            }
            double[] b = null;
            if (bias) {
                b = new double[units];
                for (int v = 0; v < units; v++) b[v] = init.draw(rng, deg[v]);
            }
            return new DenseOp(id, ids, sizes, units, w, mask, scale, b, trainable, dt);
        });
    }

    /** A convolution with shared weights; padding "same" or "valid". */
    public Node conv(Node src, int channels, int kernel, int stride, String padding, boolean bias) {
        int s = single(src);
        if (!src.isImage()) {
            throw new IllegalArgumentException("a convolution needs an image source (h, w, c), got shape "
                    + java.util.Arrays.toString(src.shape()));
        }
        long[] in = src.shape();
        int h = (int) in[0], w = (int) in[1], c = (int) in[2];
        boolean same = "same".equals(padding);
        int ho = ConvOp.outExtent(h, kernel, stride, same);
        int wo = ConvOp.outExtent(w, kernel, stride, same);
        if (ho < 1 || wo < 1) {
            throw new IllegalArgumentException("a convolution kernel of " + kernel + " is larger than the " + h + " x " + w + " image");
        }
        long[] out = {ho, wo, channels};
        if ((long) ho * wo * channels > Integer.MAX_VALUE || (long) kernel * kernel * c * channels > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(ho + " x " + wo + " x " + channels + " outputs of a "
                    + kernel + " x " + kernel + " kernel are too many for one layer");
        }
        weights += (double) kernel * kernel * c * channels;
        return add("conv", new int[]{s}, out, true, new GroupSpec.Conv(channels, kernel, stride, padding, bias), (id, rng, init, dt) -> {
            int fan = c * kernel * kernel;
            double[] wts = new double[kernel * kernel * c * channels];
            for (int i = 0; i < wts.length; i++) {
                Cancellation.poll(i);
                wts[i] = init.draw(rng, fan);
            }
            double[] b = null;
            if (bias) {
                b = new double[channels];
                for (int i = 0; i < channels; i++) b[i] = init.draw(rng, fan);
            }
            return new ConvOp(id, s, h, w, c, channels, kernel, stride, same, init.scale(fan), wts, b, out);
        });
    }

    /** Non-overlapping average pooling of an image with a size x size window. */
    public Node avgpool(Node src, int size) {
        int s = single(src);
        if (!src.isImage()) throw new IllegalArgumentException("average pooling needs an image source (h, w, c)");
        long[] in = src.shape();
        if (in[0] < size || in[1] < size) {
            throw new IllegalArgumentException("a pooling window of " + size + " is larger than the "
                    + in[0] + " x " + in[1] + " image");
        }
        return add("avgpool", new int[]{s}, new long[]{in[0] / size, in[1] / size, in[2]}, false, new GroupSpec.AvgPool(size),
                (id, r, i, t) -> new PoolOp(id, s, (int) in[0], (int) in[1], (int) in[2], size));
    }

    /** The same values as a vector (channels-last order). */
    public Node flatten(Node src) {
        int s = single(src);
        long[] shape = {src.size()};
        return add("flatten", new int[]{s}, shape, false, new GroupSpec.Flatten(), (id, r, i, t) -> new ReshapeOp(id, s, shape));
    }

    /** Concatenation: along channels for images of equal h and w, else of flattened features. */
    public Node concat(List<Node> srcs) {
        int[] ids = sources(srcs);
        boolean images = srcs.stream().allMatch(Node::isImage)
                && srcs.stream().allMatch(n -> n.shape()[0] == srcs.get(0).shape()[0]
                && n.shape()[1] == srcs.get(0).shape()[1]);
        int positions = images ? (int) (srcs.get(0).shape()[0] * srcs.get(0).shape()[1]) : 1;
        int[] widths = new int[ids.length];
        int total = 0;
        for (int i = 0; i < ids.length; i++) {
            widths[i] = srcs.get(i).size() / positions;
            total += widths[i];
        }
        long[] shape = images ? new long[]{srcs.get(0).shape()[0], srcs.get(0).shape()[1], total}
                : new long[]{total};
        return add("concat", ids, shape, false, new GroupSpec.Concat(positions, widths.clone()), (id, r, i, t) -> new ConcatOp(id, ids, positions, widths, shape));
    }

    /** A skip connection a + b (no weights); shapes must agree. */
    public Node add(Node a, Node b) {
        int ia = single(a);
        int ib = single(b);
        if (!java.util.Arrays.equals(a.shape(), b.shape())) {
            throw new IllegalArgumentException("cannot add nodes whose shapes differ: " + java.util.Arrays.toString(a.shape())
                    + " vs " + java.util.Arrays.toString(b.shape()));
        }
        long[] s = a.shape();
        return add("add", new int[]{ia, ib}, s, false, new GroupSpec.Add(), (id, r, i, t) -> new AddOp(id, ia, ib, s));
    }

    /** A fixed scalar multiple c * a. */
    public Node scale(double c, Node a) {
        int ia = single(a);
        if (!Double.isFinite(c)) throw new IllegalArgumentException("a node can only be scaled by a finite factor, got " + c);
        long[] s = a.shape();
        return add("scale", new int[]{ia}, s, false, new GroupSpec.Scale(c), (id, r, i, t) -> new ScaleOp(id, ia, c, s));
    }

    /** An activation applied to every neuron of a group. */
    public Node activation(Node a, Activation act) {
        int ia = single(a);
        long[] s = a.shape();
        return add(act.languageName(), new int[]{ia}, s, false, new GroupSpec.Act(act), (id, r, i, t) -> new ActivationOp(id, ia, s, act));
    }

    /** Declares the outputs (exactly once); their values, concatenated, are the n x k output. */
    public void output(Node... nodes) {
        if (outputSet) throw new IllegalArgumentException("the architecture already has its outputs; an architecture has exactly one output(...)");
        if (nodes.length == 0) throw new IllegalArgumentException("an architecture needs at least one output node");
        for (Node n : nodes) outputs.add(single(n));
        outputSet = true;
    }

    /** The number of weights recorded so far (what {@link #build} will draw), for memory checks. */
    public double weightCount() { return weights; }

    /**
     * Draws the weights and dropped edges and compiles the network.
     *
     * @param seed  every random draw derives from it
     * @param std   weight standard deviation (NTK) or multiplier of the standard bound
     * @param param "ntk" or "standard"
     */
    public Network build(long seed, double std, String param) {
        Init init = Init.of(std, param);
        if (!outputSet) throw new IllegalArgumentException("the architecture has no output(...)");
        DataType dtype = Precision.dtype();
        SplittableRandom master = new SplittableRandom(seed);
        List<Op> ops = new ArrayList<>();
        List<Integer> inputs = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            ops.add(groups.get(i).factory().make(i, master.split(), init, dtype));
            if (groups.get(i).kind().equals("input")) inputs.add(i);
        }
        if (inputs.isEmpty()) throw new IllegalArgumentException("the architecture has no input(...)");
        OpProgram program = new OpProgram(ops, toArray(inputs), toArray(outputs), dtype);
        return new Network(program, new Topology(groups, toArray(inputs), toArray(outputs), ops), graph(), init);
    }

    private Node add(String kind, int[] src, long[] shape, boolean weighted, GroupSpec spec, Factory f) {
        groups.add(new Group(kind, src, shape, weighted, spec, origin, f));
        origin = null;
        return new Node(this, groups.size() - 1, shape);
    }

    private int single(Node n) {
        if (n.owner != this) {
            throw new IllegalArgumentException("the node belongs to another architecture");
        }
        return n.id;
    }

    private int[] sources(List<Node> srcs) {
        if (srcs.isEmpty()) throw new IllegalArgumentException("a group needs at least one source node");
        int[] ids = new int[srcs.size()];
        for (int i = 0; i < ids.length; i++) ids[i] = single(srcs.get(i));
        return ids;
    }


    private static int[] toArray(List<Integer> xs) {
        return xs.stream().mapToInt(Integer::intValue).toArray();
    }
}
