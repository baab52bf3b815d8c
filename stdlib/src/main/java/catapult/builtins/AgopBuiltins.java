package catapult.builtins;

import catapult.engine.kernels.Agop;
import catapult.engine.models.Model;
import catapult.lang.builtins.Args;
import catapult.lang.builtins.Builtin;
import catapult.lang.builtins.BuiltinProvider;
import catapult.lang.builtins.BuiltinRegistry;
import catapult.lang.builtins.Type;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Feature learning: AGOP of a model, EGOP of a target, and their alignment (docs/language.md section 7). */
public final class AgopBuiltins implements BuiltinProvider {

    @Override
    public void register(BuiltinRegistry r) {
        r.describeCategory("features", "feature learning: AGOP and EGOP matrices and their alignment");
        r.register(Builtin.define("agop").category("features")
                .summary("The average gradient outer product of a model's inputs-to-outputs map (d x d, d the flattened input size).")
                .formula("G = (1/n) sum_i J_i' J_i, J_i = d f(x_i) / d x (k x d; for one output grad f grad f')")
                .param("model", ModelValue.TYPE, "a network or model")
                .param("x", Convert.DATA_OR_X, "inputs: a dataset or an n x d tensor")
                .returns("a d x d tensor")
                .example("let G = agop(net, test)")
                .reference("thesis Eq. 4.5")
                .impl(AgopBuiltins::agop));
        r.register(Builtin.define("egop").category("features")
                .summary("The expected gradient outer product of a target on inputs x: exact for the named "
                        + "targets, by central differences for a function.")
                .formula("G* = (1/n) sum_i grad g(x_i) grad g(x_i)'")
                .param("target", DataBuiltins.TARGET, "\"rank2\", \"rank3\", \"rank4\", \"fullrank\", or a function of one input vector")
                .param("x", Convert.DATA_OR_X, "inputs: a dataset or an n x d tensor")
                .returns("a d x d tensor")
                .example("let gstar = egop(\"rank2\", gaussian(2000, 100))")
                .reference("thesis Eq. 4.5 (G* of the target) and Section 4.4")
                .impl(a -> Agop.egop(DataBuiltins.target(a, "target"), flat(Convert.inputs(a.get("x"), null, a.site())))));
        r.register(Builtin.define("alignment").category("features")
                .summary("The cosine between two matrices: how well the learned features match the target's.")
                .formula("cos(A, B) = Tr(A'B) / (|A|_F |B|_F)")
                .param("A", Type.TENSOR, "a matrix (e.g. an AGOP)")
                .param("B", Type.TENSOR, "a matrix of the same shape (e.g. the target's EGOP)")
                .returns("a number in [-1, 1] (none-like NaN when a matrix is zero)")
                .example("alignment(agop(net, test), egop(\"rank2\", test))")
                .reference("thesis Eq. 4.6")
                .impl(a -> Agop.alignment(a.array("A"), a.array("B"))));
    }

    private static Object agop(Args a) {
        Model m = ModelValue.arg(a, "model");
        return Agop.agop(m, Convert.inputs(a.get("x"), m, a.site()));
    }

    private static INDArray flat(INDArray x) {
        if (x.rank() == 2) {
            return x;
        }
        if (x.rank() == 1) {
            return x.reshape(x.length(), 1);
        }
        return x.dup('c').reshape('c', x.size(0), x.length() / x.size(0));
    }
}
