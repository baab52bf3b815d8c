package catapult.builtins;

import catapult.engine.data.Dataset;
import catapult.engine.kernels.CriticalLr;
import catapult.engine.kernels.HessianNorm;
import catapult.engine.kernels.Loss;
import catapult.engine.kernels.LossHessian;
import catapult.engine.kernels.Ntk;
import catapult.engine.kernels.Spectra;
import catapult.engine.models.Model;
import catapult.lang.builtins.Args;
import catapult.lang.builtins.Builtin;
import catapult.lang.builtins.BuiltinProvider;
import catapult.lang.builtins.BuiltinRegistry;
import catapult.lang.builtins.Type;
import catapult.lang.value.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.BooleanIndexing;
import org.nd4j.linalg.indexing.conditions.Conditions;

/** Tangent kernels, spectra and critical learning rates (docs/language.md section 7). */
public final class KernelBuiltins implements BuiltinProvider {
    static final Type LOSS = Type.oneOf("mse", "half_sse");

    @Override
    public void register(BuiltinRegistry r) {
        r.describeCategory("kernels", "tangent kernels, spectra, critical learning rates and Hessian norms");
        r.register(Builtin.define("ntk").category("kernels")
                .summary("The empirical neural tangent kernel on the inputs: n x n, or nk x nk (example-major) for k outputs.")
                .formula("K_ij = <grad_w f(x_i), grad_w f(x_j)>")
                .param("model", ModelValue.TYPE, "a network or model")
                .param("data", Convert.DATA_OR_X, "a dataset or a tensor of inputs")
                .example("let K = ntk(net, data)")
                .reference("thesis Eq. 2.17")
                .impl(a -> {
                    Model m = ModelValue.arg(a, "model");
                    INDArray x = Convert.inputs(a.get("data"), m, a.site());
                    requireKernel(a, m, x);
                    return Ntk.of(m, x);
                }));
        r.register(Builtin.define("eigs").category("kernels")
                .summary("The top-k eigenvalues of a symmetric matrix, descending.")
                .param("K", Type.TENSOR, "a symmetric matrix")
                .optional("k", Type.POSITIVE_INT, 1, "how many")
                .example("eigs(ntk(net, data), 2)")
                .impl(a -> {
                    INDArray k = symmetric(a);
                    double[] ev = Spectra.topEigenvalues(k, count(a, k));
                    List<Object> out = new ArrayList<>();
                    for (double v : ev) out.add(v);
                    return Collections.unmodifiableList(out);
                }));
        r.register(Builtin.define("eigvecs").category("kernels")
                .summary("The eigenvectors of the top-k eigenvalues, as the columns of an n x k tensor.")
                .param("K", Type.TENSOR, "a symmetric matrix")
                .optional("k", Type.POSITIVE_INT, 1, "how many")
                .example("let V = eigvecs(K, 2)")
                .impl(a -> {
                    INDArray k = symmetric(a);
                    return new Tensor(Spectra.topEigenvectors(k, count(a, k)));
                }));
        r.register(Builtin.define("critical_lr").category("kernels")
                .summary("The critical learning rate of GD on the data: above it the loss cannot decrease monotonically.")
                .formula("mse: n / lambda_max(K);  half_sse: 2 / lambda_max(K);  method hessian: 2 / lambda_max(H_L)")
                .param("model", ModelValue.TYPE, "a network or model")
                .param("data", DatasetValue.TYPE, "the training data")
                .optional("loss", LOSS, "mse", "\"mse\" (1/n sum |f - y|^2) or \"half_sse\" (1/2 sum |f - y|^2)")
                .optional("method", Type.oneOf("ntk", "hessian"), "ntk", "from the tangent kernel, or from Hessian-vector products of the loss")
                .example("let eta = critical_lr(net, data, loss: \"half_sse\")")
                .reference("thesis Eq. 3.6, 3.8, C.1")
                .impl(a -> {
                    Model m = ModelValue.arg(a, "model");
                    Dataset d = DatasetValue.arg(a, "data");
                    INDArray x = Convert.inputs(a.get("data"), m, a.site());
                    if (a.string("method").equals("ntk")) requireKernel(a, m, x);
                    return CriticalLr.of(m, x, d.y(), Loss.fromName(a.string("loss")), a.string("method"));
                }));
        r.register(Builtin.define("hessian_norm").category("kernels")
                .summary("Spectral norm of the Hessian of the model's output with respect to its parameters, at the current parameters"
                        + " (Lanczos on Hessian-vector products); for several inputs the largest over them, or that of the mean output.")
                .formula("reduce max: max over rows i and outputs j of |H_{f_j(x_i)}|_2;  reduce mean: |H_g|_2 with g = mean over i, j of f_j(x_i)")
                .param("model", ModelValue.TYPE, "a network or model")
                .param("x", Convert.DATA_OR_X, "inputs (a dataset or a tensor)")
                .optional("reduce", Type.oneOf("max", "mean"), "max", "\"max\": the largest norm over the inputs (what thesis Thm 2.3.6"
                        + " bounds; one solve per input and output); \"mean\": the norm of the mean output's Hessian (one solve, at most the max)")
                .example("hessian_norm(net, randn(1, 10, seed: 0))")
                .reference("thesis Thm 2.3.6")
                .impl(a -> {
                    Model m = ModelValue.arg(a, "model");
                    INDArray x = Convert.inputs(a.get("x"), m, a.site());
                    return a.string("reduce").equals("max") ? HessianNorm.maxOverExamples(m, x) : HessianNorm.of(m, x);
                }));
        r.register(Builtin.define("loss_hessian_eigs").category("kernels")
                .summary("The top-k eigenvalues of the Hessian of the training loss (Lanczos on Hessian-vector products).")
                .param("model", ModelValue.TYPE, "a network or model")
                .param("data", DatasetValue.TYPE, "the training data")
                .optional("k", Type.POSITIVE_INT, 1, "how many")
                .optional("loss", LOSS, "mse", "\"mse\" or \"half_sse\"")
                .example("loss_hessian_eigs(net, data, 3)")
                .impl(a -> {
                    Model m = ModelValue.arg(a, "model");
                    Dataset d = DatasetValue.arg(a, "data");
                    double[] ev = LossHessian.topEigenvalues(m, Convert.inputs(a.get("data"), m, a.site()), d.y(),
                            Loss.fromName(a.string("loss")), a.integer("k"));
                    List<Object> out = new ArrayList<>();
                    for (double v : ev) out.add(v);
                    return Collections.unmodifiableList(out);
                }));
    }

    /** The nk x nk kernel of n examples and k outputs must fit in memory. */
    private static void requireKernel(Args a, Model m, INDArray x) {
        double nk = (double) x.size(0) * m.outputCount();
        a.requireTensor("data", nk, nk);
    }

    private static INDArray symmetric(Args a) {
        INDArray k = a.array("K");
        if (k.rank() != 2 || k.rows() != k.columns()) throw a.error("expected a square matrix, got shape " + java.util.Arrays.toString(k.shape()));
        if (k.length() == 0) throw a.error("the matrix is empty");
        if (BooleanIndexing.or(k, Conditions.isNan()) || BooleanIndexing.or(k, Conditions.isInfinite())) {
            throw a.error("the matrix holds nan or inf entries; it has no eigenvalues (did the run diverge?)");
        }
        if (a.integer("k") > 64) a.requireMemory(k.rows() + " x " + k.rows() + " doubles of a working copy (argument 'K')", 8.0 * k.length());
        return k;
    }

    private static int count(Args a, INDArray k) {
        int n = a.integer("k");
        if (n > k.rows()) throw a.error("k = " + n + " exceeds the matrix size " + k.rows());
        return n;
    }
}
