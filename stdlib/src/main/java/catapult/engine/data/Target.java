package catapult.engine.data;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A regression target y = f(x), evaluated on a whole batch at once: it is what {@code regress}
 * labels data with and what {@code egop} differentiates. The DSL wraps its lambdas (over one
 * input vector) in an implementation; the named targets of the thesis are {@link NamedTarget}.
 */
public interface Target {

    /** f on each row of x (n x d, flattened inputs): n x k, or a length-n vector for k = 1. */
    INDArray apply(INDArray x);

    /** A short name for descriptions, e.g. "rank2" or "fn". */
    String label();

    /**
     * The per-example input gradients grad_x f(x_i) as an n x d matrix when f is scalar and
     * known in closed form, or null when it must be found by differentiation.
     */
    default INDArray inputGradient(INDArray x) {
        return null;
    }

    /** A target from a Java function (no closed-form gradient). */
    static Target of(String name, java.util.function.UnaryOperator<INDArray> f) {
        return new Target() {
            @Override public INDArray apply(INDArray x) { return f.apply(x); }
            @Override public String label() { return name; }
        };
    }
}
