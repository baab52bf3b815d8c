package catapult.engine.autodiff;

import org.nd4j.linalg.api.ndarray.INDArray;

/** An input group: its value is bound by {@link OpProgram#forward}; it has no rules of its own. */
public final class InputOp extends Op {
    public InputOp(int id, long[] shape) { super(id, new int[0], shape); }

    @Override
    boolean usesSecondCotangent(boolean[] varies, boolean[] needed, boolean[] neededC, boolean params) {
        return false;
    }

    @Override void forward(Tape t, INDArray w) { }

    @Override void tangent(Tape t, INDArray w, INDArray d, boolean second) { }

    @Override void reverse(Tape t, INDArray w, INDArray d, Cotangents cot, INDArray grad) { }
}
