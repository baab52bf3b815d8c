package catapult.engine.kernels;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;

/** Reconciles user-supplied targets with a model's n x k outputs (a length-n vector is n x 1). */
final class Targets {

    private Targets() {
    }

    /** y as an n x k array of the outputs' dtype, or an error when its shape does not match them. */
    static INDArray shaped(INDArray y, INDArray outputs) {
        INDArray t = y.rank() == 1 && outputs.size(1) == 1 ? y.reshape(y.length(), 1) : y;
        if (!Arrays.equals(t.shape(), outputs.shape())) {
            throw new IllegalArgumentException("the targets have shape " + Arrays.toString(y.shape())
                    + " but the model's outputs on these inputs have shape " + Arrays.toString(outputs.shape()));
        }
        return t.dataType() == outputs.dataType() ? t : t.castTo(outputs.dataType());
    }
}
