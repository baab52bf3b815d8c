package catapult.engine.models;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Anything {@code train} accepts: a network, its linear or quadratic Taylor model, or a general
 * quadratic model. Exists so that training, kernels, spectra and AGOP are written once against
 * one small differentiable interface instead of once per model kind.
 *
 * <p>Conventions: parameters are one flat 1-D vector of length {@link #paramCount()}; inputs are
 * n x d (flattened) or n x h x w x c; outputs are always n x k. Every method is batched over the
 * n examples. Nothing here materializes a Hessian or an n x p Jacobian.
 */
public interface Model {

    /** Number of trainable parameters p. */
    long paramCount();

    /** Number of outputs k (columns of {@link #predict}). */
    int outputCount();

    /** Shape of one input example, e.g. {100} or {28, 28, 1}. */
    long[] inputShape();

    /** The live parameter vector (length p). Training updates it in place. */
    INDArray params();

    /** The parameters at creation (w0), for {@code distance}; never modified. */
    INDArray initialParams();

    /** f(x): n x k outputs at the current parameters. */
    INDArray predict(INDArray x);

    /**
     * Forward pass that keeps what the reverse pass needs. The returned pass is valid until the
     * parameters change.
     */
    Pass forward(INDArray x);

    /**
     * A recorded forward pass: its output and vector-Jacobian products against it. It holds
     * off-heap buffers; hot loops should close it (try-with-resources) instead of leaving it to
     * the garbage collector. Arrays returned by vjp/inputVjp belong to the caller and stay valid.
     */
    interface Pass extends AutoCloseable {
        /** n x k outputs. */
        INDArray output();

        /** J^T c: the gradient w.r.t. the parameters of sum_{i,j} c[i,j] f_j(x_i); length p. */
        INDArray vjp(INDArray cotangent);

        /**
         * J^T c written into {@code out} (length p, the parameters' dtype): the allocation-free
         * form a training loop uses with one gradient buffer for all its steps.
         */
        default void vjpInto(INDArray cotangent, INDArray out) {
            INDArray g = vjp(cotangent);
            out.assign(g);
            catapult.engine.autodiff.Buffers.release(g);
        }

        /** grad_x of sum_{i,j} c[i,j] f_j(x_i): same shape as x (per-example input gradients). */
        INDArray inputVjp(INDArray cotangent);

        /** Frees the pass's buffers; {@link #output()} is invalid afterwards. */
        @Override
        default void close() {}
    }

    /** J v: the directional derivative of the outputs along parameter direction v; n x k. */
    INDArray jvp(INDArray x, INDArray v);

    /**
     * (sum_{i,j} c[i,j] H_{f_j(x_i)}) v: the output-Hessian contracted with a cotangent, applied
     * to v; length p. With the Gauss-Newton part this gives loss-Hessian-vector products.
     */
    INDArray hvp(INDArray x, INDArray cotangent, INDArray v);

    /**
     * The loss-Hessian-vector product H_L v = J' (g o J v) + (sum_{i,j} r[i,j] H_{f_j(x_i)}) v for
     * a loss whose gradient in the outputs is r (n x k) and whose Hessian in the outputs is
     * diagonal g (n x k); e.g. L = 1/(2n) sum (f - y)^2 has r = (f - y)/n and g = 1/n.
     * Networks override it with one fused forward, tangent and reverse pass.
     */
    default INDArray lossHvp(INDArray x, INDArray r, INDArray g, INDArray v) {
        INDArray jv = jvp(x, v);
        INDArray weighted = jv.mul(g.reshape(jv.shape()));
        INDArray gn;
        try (Pass p = forward(x)) { gn = p.vjp(weighted); }
        return gn.addi(hvp(x, r, v));
    }

    /** An independent deep copy (same w and w0). */
    Model copy();

    /** A copy whose current parameters are w (w0 unchanged). */
    Model withParams(INDArray w);

    /** The network this model expands (for linear/quadratic models), else null. */
    default Model base() { return null; }

    /** One line for the REPL, e.g. "network(params=103424, width=1024, depth=2)". */
    String describe();
}
