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
    INDArray mapTo(Tape t, INDArray[] in, TapeSlots.Role role) {
        if (in[0] == null) return null;
        INDArray out = t.slot(role, id, size);
        Fused.scaled(in[0], factor, out, false);
        return out;
    }

    @Override
    INDArray[] transpose(INDArray g) { return new INDArray[]{g.mul(factor)}; }

    @Override
    void route(Cotangents cot, boolean first) {
        INDArray g = first ? cot.b(id) : cot.c(id);
        if (g == null || !cot.wants(first, src[0])) return;
        INDArray dst = cot.target(first, src[0], size);
        Fused.scaled(g, factor, dst, cot.has(first, src[0]));
        cot.wrote(first, src[0], dst);
    }
}
