package catapult.builtins;

import catapult.engine.graph.ArchGraph;
import catapult.engine.graph.GraphGroup;
import catapult.engine.graph.GroupSpec;
import catapult.engine.limits.InfiniteWidthKernels;
import catapult.engine.train.Metric;
import catapult.lang.builtins.Args;
import catapult.lang.builtins.Builtin;
import catapult.lang.builtins.BuiltinProvider;
import catapult.lang.builtins.BuiltinRegistry;
import catapult.lang.builtins.Type;
import catapult.lang.eval.ArchValue;
import catapult.lang.value.Tensor;
import catapult.lang.value.Tensors;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The theory next to the measurements: the infinite-width kernels of an architecture
 * (ntk_limit, nngp_limit) and the sharpness metric for train's track (the tracked
 * "ntk_distance" and "sharpness" are names the metric registry knows).
 */
public final class TheoryBuiltins implements BuiltinProvider {
    private static final Type ARCH = Type.of(ArchValue.class, "architecture");

    @Override
    public void register(BuiltinRegistry r) {
        r.register(limit("ntk_limit")
                .summary("The infinite-width neural tangent kernel of an architecture (not an instance) under the NTK parameterization, by the layer recursion: n x n, or nk x nk (example-major) for k outputs, like ntk.")
                .formula("Theta_g = [trainable](Sigma_in + [bias]) + std^2 Theta_in,  Theta_in = sum_s r_s E[phi_s'(u) phi_s'(v)] Theta_s;  relu: E[relu' relu'] = (pi - theta) / (2 pi)")
                .example("ntk_limit(mlp, data)                      # what ntk(init(mlp(width: m)), data) tends to as m grows")
                .reference("thesis Def. 2.2.2, Eq. 2.17, Chapter 2; Jacot et al. 2018; Arora et al. 2019")
                .impl(a -> kernel(a, InfiniteWidthKernels.Kind.NTK)));
        r.register(limit("nngp_limit")
                .summary("The infinite-width NNGP kernel of an architecture: the covariance E[f(x) f(x')] of its outputs at initialization as every hidden width grows (NTK parameterization).")
                .formula("Sigma_g = std^2 (sum_s r_s E[phi_s(u) phi_s(v)] + [bias]), (u, v) ~ N(0, Sigma_s);  relu: sqrt(s s') (sin theta + (pi - theta) cos theta) / (2 pi)")
                .example("nngp_limit(mlp, data)")
                .reference("thesis Def. 2.2.2 (NTK parameterization), Chapter 2; Neal 1996; Lee et al. 2018; Cho and Saul 2009 (arc-cosine); Williams 1997 (erf)")
                .impl(a -> kernel(a, InfiniteWidthKernels.Kind.NNGP)));
        r.register(Builtin.define("sharpness").category("training")
                .summary("Tracked metric: the top k eigenvalues of the Hessian of the training loss (Lanczos on Hessian-vector products, warm-started between tracked steps); a rows x k series. The name \"sharpness\" tracks the top one as a number.")
                .formula("eig_1..k(H_L(w_t)),  H_L = d^2 L / dw^2 on the whole training set;  GD is stable while eig_1 < 2 / lr")
                .param("k", Type.POSITIVE_INT, "how many eigenvalues")
                .returns("a metric for train's track:")
                .example("train(net, data, gd(0.1), track: [sharpness(3)], every: 10)   # or track: [\"sharpness\"] for the top one")
                .reference("Cohen et al. 2021 (edge of stability); thesis Eq. 3.6 (eta_crit = 2 / lambda_max(H_L))")
                .impl(a -> new MetricValue(Metric.sharpness(a.integer("k")))));
    }

    private static Builtin.Builder limit(String name) {
        return Builtin.define(name).category("kernels")
                .param("arch", ARCH, "an arch template, e.g. mlp or mlp(depth: 3); its width arguments do not matter")
                .param("data", Convert.DATA_OR_X, "a dataset or a tensor of inputs")
                .optional("std", Type.FINITE_POSITIVE, 1, "the weight and bias standard deviation, as init's std")
                .returns("a tensor (float64 under precision(64), else float32)");
    }

    private static Object kernel(Args a, InfiniteWidthKernels.Kind kind) {
        ArchGraph graph = GraphBuiltins.record(a, a.as("arch", ArchValue.class)).graph();
        if (graph.outputs().length == 0) throw a.error("the architecture has no output(...)");
        INDArray x = Convert.fit(Convert.inputs(a.get("data"), null, a.site()), inputShape(graph), a.site());
        double nk = (double) x.size(0) * graph.outputSize();
        a.requireDoubles("data", nk, nk);   // each layer's recursion keeps nk x nk float64 matrices
        INDArray k = InfiniteWidthKernels.of(graph, x, a.number("std"), kind);
        return new Tensor(k.castTo(Tensors.dtype()));
    }

    /** The single input group's shape, or the flattened size of several inputs. */
    private static long[] inputShape(ArchGraph graph) {
        List<GraphGroup> inputs = graph.groups().stream().filter(g -> g.spec() instanceof GroupSpec.Input).toList();
        return inputs.size() == 1 ? inputs.get(0).shape() : new long[] {graph.inputSize()};
    }
}
