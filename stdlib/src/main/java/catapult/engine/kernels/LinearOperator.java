package catapult.engine.kernels;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A symmetric linear map given only by its action on vectors (an NTK-vector or Hessian-vector
 * product). Exists so that Lanczos and power iteration can find top eigenvalues of operators
 * that are never materialized.
 *
 * <p>Contract: {@code v} is a 1-D vector of the operator's dimension; the result is a new 1-D
 * vector of the same length (the caller may modify or close it). {@code v} is not modified.
 */
@FunctionalInterface
public interface LinearOperator {

    /** A v. */
    INDArray apply(INDArray v);

    /**
     * A v written into {@code out} (same length): iterations that alternate two buffers use it
     * so that no product allocates. Operators that can write in place override it.
     */
    default void applyInto(INDArray v, INDArray out) {
        INDArray r = apply(v);
        out.assign(r.reshape(out.shape()));
        catapult.engine.autodiff.Buffers.release(r);
    }
}
