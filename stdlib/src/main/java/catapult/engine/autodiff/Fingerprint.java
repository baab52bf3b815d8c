package catapult.engine.autodiff;

import catapult.engine.SeededDraws;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A random projection of an array's values: any change of the values changes it (almost
 * surely). Caches use it to notice in-place updates of inputs and parameters, which ND4J arrays
 * allow without any notification. Costs one pass over the array.
 */
public final class Fingerprint {
    private INDArray probe;

    /** The projection of x onto a fixed random vector of its length (0 for empty x). */
    public double of(INDArray x) {
        if (x.isEmpty()) return 0.0;
        if (probe == null || probe.length() != x.length() || probe.dataType() != x.dataType()) {
            probe = SeededDraws.uniform(x.length(), x.dataType(), x.length()).addi(0.5);
        }
        // one dot product, no temporary: caches fingerprint x and w on every Hessian product
        return Blas.dot(x.reshape('c', new long[]{x.length()}), probe);
    }
}
