package catapult.engine.autodiff;

import org.nd4j.linalg.api.ndarray.INDArray;

/** A fixed scalar multiple c * a of one group. */
public final class ScaleOp extends LinearOp {
    private final double factor;

    public ScaleOp(int id, int source, double factor, long[] shape) {
        super(id, new int[]{source}, shape);
        this.factor = factor;
    }

    @Override
    INDArray map(INDArray[] in, int n) { return in[0] == null ? null : in[0].mul(factor); }

    @Override
    INDArray[] transpose(INDArray g) { return new INDArray[]{g.mul(factor)}; }
}
