package catapult.engine.data;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Seeded random draws from a private generator, so that the same seed gives the same numbers
 * whatever else (another thread, another sweep point) has used ND4J's global generator.
 */
final class Draws {

    private Draws() {}

    /** Standard normal entries of the given shape and dtype, c order. */
    static INDArray normal(long seed, DataType dt, long... shape) {
        return catapult.engine.SeededDraws.normal(seed, dt, shape);
    }
}
