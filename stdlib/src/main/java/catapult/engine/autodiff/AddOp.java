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
    INDArray mapTo(Tape t, INDArray[] in, TapeSlots.Role role) {
        if (in[0] == null && in[1] == null) return null;
        INDArray out = t.slot(role, id, size);
        if (in[0] != null) Fused.copy(in[0], out);
        if (in[1] != null) Fused.scaled(in[1], 1.0, out, in[0] != null);
        return out;
    }

    @Override
    INDArray[] transpose(INDArray g) { return new INDArray[]{g, g}; }

    /**
     * Both sources receive the cotangent: added into the first's buffer, and handed over whole to
     * the second when nothing is accumulated there yet (no copy).
     */
    @Override
    void route(Cotangents cot, boolean first) {
        INDArray g = first ? cot.b(id) : cot.c(id);
        if (g == null) return;
        if (cot.wants(first, src[0])) {
            INDArray dst = cot.target(first, src[0], size);
            Fused.scaled(g, 1.0, dst, cot.has(first, src[0]));
            cot.wrote(first, src[0], dst);
        }
        if (cot.wants(first, src[1])) cot.move(first, id, src[1]);
    }
}
