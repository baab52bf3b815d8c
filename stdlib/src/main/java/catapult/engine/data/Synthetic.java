package catapult.engine.data;

import catapult.numerics.Precision;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Seeded input distributions for regression experiments (thesis Chapter 4: x ~ N(0, I_d)); the
 * targets are attached afterwards by {@link Regress}, so these datasets have y = 0.
 */
public final class Synthetic {

    private Synthetic() {}

    /** n inputs x ~ N(0, I_d); y = 0. */
    public static Dataset gaussian(int n, int d, long seed) {
        return Dataset.inputsOnly(Draws.normal(seed, Precision.dtype(), n, d), "gaussian");
    }

    /** n inputs uniform on the unit sphere in R^d (normalized Gaussians); y = 0. */
    public static Dataset sphere(int n, int d, long seed) {
        DataType dt = Precision.dtype();
        INDArray z = Draws.normal(seed, dt, n, d);
        INDArray norms = z.norm2(true, 1);
        return Dataset.inputsOnly(z.diviColumnVector(norms), "sphere");
    }
}
