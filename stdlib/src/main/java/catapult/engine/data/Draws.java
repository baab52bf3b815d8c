package catapult.engine.data;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Seeded random draws from a private generator, so that the same seed gives the same numbers
 * whatever else (another thread, another sweep point) has used ND4J's global generator.
 */
final class Draws {

    private Draws() {}

    /** Standard normal entries of the given shape and dtype, c order. */
    static INDArray normal(long seed, DataType dt, long... shape) {
        INDArray out = Nd4j.create(dt, shape, 'c');
        try (Random rng = Nd4j.getRandomFactory().getNewRandomInstance(seed)) {
            Nd4j.randn(0.0, 1.0, out, rng);
        } catch (Exception e) {
            throw new IllegalStateException("closing a random generator failed", e);
        }
        return out;
    }
}
