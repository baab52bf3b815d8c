package catapult.engine.kernels;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Top eigenpairs of a symmetric operator: values descending, vectors as matching columns
 * (dim x k, unit norm). Exists so that a tracker can warm-start the next Lanczos run from the
 * previous eigenvectors while the operator drifts slowly during training.
 *
 * @param values     eigenvalues (or Ritz values), descending
 * @param vectors    dim x k, column i belongs to values[i]
 * @param operatorApplications how many operator-vector products the computation took
 */
public record Eigs(double[] values, INDArray vectors, int operatorApplications) {

    /** A start vector for the next run: the sum of the eigenvectors (1-D, length dim). */
    public INDArray warmStart() {
        return vectors.sum(1);
    }

    /** The largest eigenvalue. */
    public double top() {
        return values[0];
    }
}
