package catapult.engine;

import catapult.lang.builtins.Cancellation;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Random arrays that depend on the seed alone. ND4J's native generators are not reproducible
 * across processes here (measured: the same seed gave different draws in each new JVM), so every
 * engine draw goes through Java's SplittableRandom instead.
 */
public final class SeededDraws {
    private SeededDraws() {}

    /** Standard normal entries of the given shape, c order. */
    public static INDArray normal(long seed, DataType dtype, long... shape) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] v = new double[Math.toIntExact(length(shape))];
        for (int i = 0; i < v.length; i++) {
            Cancellation.poll(i);
            v[i] = rng.nextGaussian();
        }
        return Nd4j.create(v, shape, dtype);
    }

    /** Uniform entries in [0, 1) of the given shape, c order. */
    public static INDArray uniform(long seed, DataType dtype, long... shape) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] v = new double[Math.toIntExact(length(shape))];
        for (int i = 0; i < v.length; i++) {
            Cancellation.poll(i);
            v[i] = rng.nextDouble();
        }
        return Nd4j.create(v, shape, dtype);
    }

    private static long length(long[] shape) {
        long n = 1;
        for (long s : shape) n *= s;
        return n;
    }
}
