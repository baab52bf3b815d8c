package catapult.engine.kernels;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A model that computes its own empirical NTK exactly and faster than Jacobian contraction,
 * e.g. a dense network by per-group Gram products K = sum_g (G G') o (X X') / fan_in.
 * {@link Ntk#of} uses it when a model offers it; the result must equal J J' with the same
 * example-major ordering (row i*k + j = example i, output j). A model that cannot do it for some
 * architecture (e.g. conv groups) throws UnsupportedOperationException and gets the exact
 * Jacobian contraction instead.
 */
public interface HasStructuredNtk {

    /** The n x n (nk x nk for k outputs) tangent kernel on the rows of x at the current parameters. */
    INDArray structuredNtk(INDArray x);
}
