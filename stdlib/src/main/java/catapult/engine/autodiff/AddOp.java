package catapult.engine.autodiff;

import org.nd4j.linalg.api.ndarray.INDArray;

/** A skip connection a + b of two groups of the same shape (no weights). */
public final class AddOp extends LinearOp {
    public AddOp(int id, int a, int b, long[] shape) { super(id, new int[]{a, b}, shape); }

    @Override
    INDArray map(INDArray[] in, int n) {
        if (in[0] == null) return in[1] == null ? null : in[1].dup();
        return in[1] == null ? in[0].dup() : in[0].add(in[1]);
    }

    @Override
    INDArray[] transpose(INDArray g) { return new INDArray[]{g, g}; }
}
