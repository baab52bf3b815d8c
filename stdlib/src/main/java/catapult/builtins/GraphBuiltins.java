package catapult.builtins;

import catapult.engine.autodiff.Activation;
import catapult.engine.graph.GraphBuilder;
import catapult.engine.graph.Network;
import catapult.engine.graph.Node;
import catapult.engine.models.GeneralQuadraticModel;
import catapult.engine.models.LinearModel;
import catapult.engine.models.Model;
import catapult.engine.models.QuadraticModel;
import catapult.lang.builtins.Args;
import catapult.lang.builtins.Builtin;
import catapult.lang.builtins.BuiltinProvider;
import catapult.lang.builtins.BuiltinRegistry;
import catapult.lang.builtins.Type;
import catapult.lang.codec.CallRecipes;
import catapult.lang.eval.ArchValue;
import catapult.lang.value.CatFunction;
import catapult.lang.value.Tensor;
import catapult.lang.value.Tensors;
import catapult.lang.value.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Architectures (docs/language.md section 4): the graph builders valid inside an `arch` body, the
 * activations (on nodes and on tensors), `init`, and the Taylor models of section 5.
 */
public final class GraphBuiltins implements BuiltinProvider {
    private static final Type ARCH = Type.of(ArchValue.class, "architecture");
    private static final Type NODES = NodeValue.TYPE.or(Type.nonEmptyListOf(NodeValue.TYPE, "nodes"));
    /** Java bytes per weight while init builds a network: drawn, masked and packed as three double[]. */
    private static final int WEIGHT_BYTES = 24;

    @Override
    public void register(BuiltinRegistry r) {
        r.describeCategory("architectures", "graph builders, used inside an arch body, and init, which makes a network");
        r.describeCategory("activations", "activations, on graph nodes inside an arch body and on tensors anywhere");
        r.describeCategory("models", "linear and quadratic (Taylor) models of a network, copies and parameters");
        registerBuilders(r);
        for (Activation act : Activation.values()) r.register(activation(act));
        r.register(Builtin.define("init").category("architectures")
                .summary("Instantiates an architecture: runs its body once and draws the weights.")
                .formula("NTK: w ~ N(0, std^2), pre-activation = (1/sqrt(in(v))) sum_u w_uv f_u; standard: w ~ U(+-1/sqrt(fan_in))")
                .param("arch", ARCH, "an arch template, e.g. mlp or mlp(width: 512)")
                .optional("seed", Type.INT, 0, "random seed for weights and dropped edges")
                .optional("std", Type.FINITE_POSITIVE, 1, "weight standard deviation (NTK) or bound multiplier (standard)")
                .optional("param", Type.oneOf("ntk", "standard"), "ntk", "parameterization")
                .returns("a network (a model)")
                .example("let net = init(mlp(width: 512), seed: 0)")
                .reference("thesis Def. 2.2.2 (NTK parameterization)")
                .impl(GraphBuiltins::init));
        r.register(Builtin.define("linear").category("models")
                .summary("The linearization of a network at its current parameters w0.")
                .formula("f_lin(w) = f(w0) + J(w0) (w - w0)")
                .param("net", ModelValue.TYPE, "a network")
                .example("let lin = linear(net)")
                .reference("thesis Eq. 2.9")
                .impl(a -> new ModelValue(new LinearModel(network(a)))));
        r.register(Builtin.define("quadratic").category("models")
                .summary("The neural quadratic model of a network, or with dim/phi the general quadratic model.")
                .formula("f_quad(w) = f(w0) + J(w0)(w - w0) + 1/2 (w - w0)' H_f(w0) (w - w0);  g(w; x) = w'phi(x) + 1/2 gamma w' Sigma w")
                .optional("net", ModelValue.TYPE.orNone(), null, "a network (the NQM form)")
                .optional("dim", Type.POSITIVE_INT.orNone(), null, "number of parameters p (general form)")
                .optional("phi", Type.FUNCTION.orNone(), null, "features: a function of one input vector giving p numbers")
                .optional("sigma", Type.ANY, "signs", "\"signs\" (random +-1 diagonal), \"identity\", a p x p tensor, or a function of x")
                .optional("gamma", Type.NUMBER, 1e-3, "curvature scale")
                .optional("seed", Type.INT, 0, "seed for w0 ~ N(0, I) and the signs")
                .example("let nqm = quadratic(net)\nlet g = quadratic(dim: 100, phi: x => x / norm(x), sigma: \"signs\", gamma: 1e-3)")
                .reference("thesis Eq. 3.2, 3.3, 3.10; Appendix B.13-B.14")
                .impl(GraphBuiltins::quadratic));
        r.register(Builtin.define("copy").category("models")
                .summary("An independent copy of a model (training changes a model in place).")
                .param("model", ModelValue.TYPE, "a model")
                .example("let fresh = copy(net)")
                .impl(a -> new ModelValue(ModelValue.arg(a, "model").copy())));
        r.register(Builtin.define("with_params").category("models")
                .summary("A copy of a model whose parameters are w (w0 unchanged).")
                .param("model", ModelValue.TYPE, "a model")
                .param("w", Type.TENSOR, "a parameter vector of length model.params")
                .example("with_params(net, net.w * 0.5)")
                .impl(GraphBuiltins::withParams));
    }

    private static Network network(Args a) {
        Model m = ModelValue.arg(a, "net");
        if (!(m instanceof Network n)) throw a.error("expects a network from init(...), got a " + m.describe());
        return n;
    }

    private static Object quadratic(Args a) {
        if (!a.isNone("net")) {
            if (a.given("dim") || a.given("phi")) throw a.error("give either a network or dim/phi, not both");
            Model m = ModelValue.arg(a, "net");
            if (!(m instanceof Network n)) throw a.error("expects a network from init(...), got a " + m.describe());
            return new ModelValue(new QuadraticModel(n));
        }
        if (a.isNone("dim") || a.isNone("phi")) throw a.error("give a network, or dim: and phi: for the general quadratic model");
        a.requireTensor("dim", a.number("dim"), a.number("dim"));
        int dim = a.integer("dim");
        Function<INDArray, INDArray> phi = x -> perExample(a, a.function("phi"), x, dim);
        Object sigma = a.get("sigma");
        INDArray matrix = null;
        Function<INDArray, INDArray> ofX = null;
        if ("signs".equals(sigma)) matrix = GeneralQuadraticModel.randomSigns(dim, a.longValue("seed"));
        else if ("identity".equals(sigma)) matrix = Nd4j.eye(dim).castTo(Tensors.dtype());
        else if (sigma instanceof Tensor t) matrix = t.array();
        else if (sigma instanceof CatFunction f) ofX = x -> Tensors.array(a.call(f, new Tensor(x)));
        else throw a.error("argument 'sigma' must be \"signs\", \"identity\", a tensor or a function, got " + Values.typeName(sigma));
        GeneralQuadraticModel model = GeneralQuadraticModel.create(dim, phi, matrix, ofX, a.number("gamma"), a.longValue("seed"));
        CallRecipes.remember(model.initialParams(), a);
        return new ModelValue(model);
    }

    /** Applies a language function to each row of x; rows of the result are its outputs. */
    static INDArray perExample(Args a, CatFunction f, INDArray x, int width) {
        INDArray rows = x.rank() == 1 ? x.reshape(1, x.length()) : x.reshape(x.size(0), x.length() / x.size(0));
        INDArray out = Nd4j.create(Tensors.dtype(), rows.rows(), width);
        for (int i = 0; i < rows.rows(); i++) {
            INDArray y = Tensors.array(a.call(f, new Tensor(rows.getRow(i).dup())));
            if (y.length() != width) throw a.error("the function gave " + y.length() + " values for one input, expected " + width);
            out.putRow(i, y.reshape(width).castTo(out.dataType()));
        }
        return out;
    }

    private static Object init(Args a) {
        GraphBuilder graph = record(a, a.as("arch", ArchValue.class));
        a.requireElements("arch", WEIGHT_BYTES, graph.weightCount());
        Network net = graph.build(a.longValue("seed"), a.number("std"), a.string("param"));
        CallRecipes.remember(net.program(), a);
        return new ModelValue(net);
    }

    /** Runs an arch body once with a fresh graph under construction and returns what it recorded. */
    static GraphBuilder record(Args a, ArchValue arch) {
        GraphBuilder graph = new GraphBuilder();
        a.interp().withArchContext(graph, () -> {
            arch.instantiate(a.interp(), a.site());
            return null;
        });
        return graph;
    }

    private static Object withParams(Args a) {
        Model m = ModelValue.arg(a, "model");
        INDArray w = a.array("w");
        if (w.length() != m.paramCount()) throw a.error("w has " + w.length() + " entries, the model has " + m.paramCount() + " parameters");
        return new ModelValue(m.withParams(w.reshape(w.length()).castTo(m.params().dataType())));
    }

    // ---- builders ----

    private static GraphBuilder graph(Args a) {
        Object ctx = a.interp().archContext();
        if (!(ctx instanceof GraphBuilder g)) {
            throw a.error("graph builders are only valid inside an arch body (define `arch name() { ... }` and call init(name))");
        }
        return g;
    }

    /** The graph under construction, told that the group it creates next comes from this call. */
    private static GraphBuilder builder(Args a) {
        GraphBuilder g = graph(a);
        g.at(a.site().location());
        return g;
    }

    /** The node of a parameter typed NodeValue.TYPE. */
    private static Node node(Args a, String param) {
        return ((NodeValue) a.get(param)).node();
    }

    /** The nodes of a value typed NODES (a node or a list of them) or of a variadic parameter's list. */
    private static List<Node> nodes(Args a, Object v) {
        if (v instanceof NodeValue n) return List.of(n.node());
        List<Node> out = new ArrayList<>();
        for (Object item : (List<?>) v) out.add(((NodeValue) item).node());
        return out;
    }

    private static Object wrap(Args a, Node n) { return new NodeValue(n, graph(a)); }

    /** dense(...), after checking that its units x fan-in weights fit in memory. */
    private static Object dense(Args a) {
        GraphBuilder g = builder(a);
        List<Node> srcs = nodes(a, a.get("src"));
        if (a.number("drop") > 0 && !a.isNone("indegree")) throw a.error("give either 'drop' or 'indegree', not both");
        double fanin = srcs.stream().mapToDouble(n -> (double) n.size()).sum();
        a.requireElements("units, src", WEIGHT_BYTES, a.number("units"), fanin);
        return wrap(a, g.dense(srcs, a.integer("units"), a.bool("bias"), a.number("drop"),
                a.isNone("indegree") ? null : a.integer("indegree"), a.bool("trainable")));
    }

    private static void registerBuilders(BuiltinRegistry r) {
        r.register(Builtin.define("input").category("architectures")
                .summary("The input group: input(d) for vectors, input(h, w, c) for images (channels last).")
                .variadic("shape", Type.POSITIVE_INT, "d, or h, w, c")
                .example("let x = input(784)")
                .impl(a -> {
                    long[] s = TensorBuiltins.shape(a);
                    GraphBuilder g = builder(a);
                    if (s.length == 1) return wrap(a, g.input((int) s[0]));
                    if (s.length == 3) return wrap(a, g.input((int) s[0], (int) s[1], (int) s[2]));
                    throw a.error("give one size (vectors) or three (h, w, c), got " + s.length);
                }));
        r.register(Builtin.define("dense").category("architectures")
                .summary("A group of units neurons with trainable edges from every neuron of src (a node or a list of nodes).")
                .formula("f~_v = (1/sqrt(in(v))) sum_{u -> v} w_uv f_u (+ b_v)")
                .param("src", NODES, "source node or list of nodes")
                .param("units", Type.POSITIVE_INT, "number of neurons")
                .optional("bias", Type.BOOL, false, "add a bias per neuron (N(0, std^2), unscaled)")
                .optional("drop", Type.FRACTION, 0, "remove each edge independently with this probability, fixed at init")
                .optional("indegree", Type.POSITIVE_INT.orNone(), null, "connect each neuron to this many random sources")
                .optional("trainable", Type.BOOL, true, "false freezes the weights at init (not parameters)")
                .example("let h = relu(dense([x, h1], 256, drop: 0.5))")
                .reference("thesis Eq. 2.2, Appendix A.1")
                .impl(GraphBuiltins::dense));
        r.register(Builtin.define("conv").category("architectures")
                .summary("A convolution with shared weights over an image node (channels last).")
                .formula("NTK scale 1/sqrt(fan_in * kernel^2)")
                .param("src", NodeValue.TYPE, "an image node")
                .param("channels", Type.POSITIVE_INT, "output channels")
                .optional("kernel", Type.POSITIVE_INT, 3, "kernel size")
                .optional("stride", Type.POSITIVE_INT, 1, "stride")
                .optional("padding", Type.oneOf("same", "valid"), "same", "zero padding mode")
                .optional("bias", Type.BOOL, false, "add a bias per channel")
                .example("let h = relu(conv(x, 64, kernel: 3))")
                .reference("thesis Appendix A.5, C.6")
                .impl(a -> {
                    Node src = node(a, "src");
                    double inChannels = src.shape().length == 3 ? src.shape()[2] : 1;
                    a.requireElements("channels, kernel", WEIGHT_BYTES, a.number("channels"), a.number("kernel"), a.number("kernel"), inChannels);
                    return wrap(a, builder(a).conv(src, a.integer("channels"), a.integer("kernel"),
                            a.integer("stride"), a.string("padding"), a.bool("bias")));
                }));
        r.register(Builtin.define("avgpool").category("architectures")
                .summary("Average pooling over size x size windows of an image node.")
                .param("src", NodeValue.TYPE, "an image node").param("size", Type.POSITIVE_INT, "window size")
                .example("avgpool(h, 2)")
                .impl(a -> wrap(a, builder(a).avgpool(node(a, "src"), a.integer("size")))));
        r.register(Builtin.define("flatten").category("architectures")
                .summary("An image node as a vector node.")
                .param("src", NodeValue.TYPE, "a node")
                .example("dense(flatten(h), 10)")
                .impl(a -> wrap(a, builder(a).flatten(node(a, "src")))));
        r.register(Builtin.define("concat").category("architectures")
                .summary("The neurons of several nodes side by side, as one node.")
                .variadic("nodes", NodeValue.TYPE, "nodes to join")
                .example("concat(h1, h2)")
                .impl(a -> wrap(a, builder(a).concat(nodes(a, a.rest())))));
        r.register(Builtin.define("output").category("architectures")
                .summary("Declares the network's outputs (exactly once per arch); outputs are linear.")
                .variadic("nodes", NodeValue.TYPE, "the output nodes")
                .example("output(dense(h, 1))")
                .impl(a -> {
                    graph(a).output(nodes(a, a.rest()).toArray(new Node[0]));
                    return null;
                }));
    }

    private static Builtin activation(Activation act) {
        String name = act.languageName();
        return Builtin.define(name).category("activations")
                .summary("The " + name + " activation: on a node inside an arch it adds the activation to the graph; on a number or tensor it applies elementwise.")
                .param("x", Type.ANY, "a node, number, list or tensor")
                .example("let h = " + name + "(dense(x, 512))")
                .impl(a -> {
                    Object x = a.get("x");
                    if (x instanceof NodeValue n) return new NodeValue(builder(a).activation(n.node(), act), graph(a));
                    if (x instanceof Double d) return act.value(org.nd4j.linalg.factory.Nd4j.scalar(Tensors.dtype(), d)).getDouble(0);
                    if (x instanceof Tensor || x instanceof List) {
                        INDArray t = Tensors.array(x);
                        return new Tensor(act.value(t.dataType().isFPType() ? t.dup() : t.castTo(Tensors.dtype())));
                    }
                    throw a.error("expected a node, number or tensor, got " + Values.typeName(x));
                });
    }
}
