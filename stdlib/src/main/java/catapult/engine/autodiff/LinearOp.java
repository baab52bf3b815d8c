package catapult.engine.autodiff;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Base of the fixed linear ops (skip connection, scale, concat, flatten, pooling): a linear map
 * L has the Taylor rule b = L(bx), c = L(cx) and the reverse rule L^T on both cotangents, so
 * a subclass supplies only L on its sources and L^T back to them.
 */
abstract class LinearOp extends Op {
    LinearOp(int id, int[] src, long[] shape) { super(id, src, shape); }

    /** L applied to the sources' arrays (entries may be null = zero); null if all are zero. */
    abstract INDArray map(INDArray[] in, int n);

    /** L^T applied to an n x size cotangent: one array per source (owned, or null). */
    abstract INDArray[] transpose(INDArray g);

    /**
     * L applied to the sources' arrays, written into this op's tape slot of the given role when
     * the op can do so without allocating; by default {@link #map}.
     */
    INDArray mapTo(Tape t, INDArray[] in, TapeSlots.Role role) { return map(in, t.n); }

    @Override
    void forward(Tape t, INDArray w) { t.a[id] = mapTo(t, pick(t.a), TapeSlots.Role.VALUE); }

    @Override
    void tangent(Tape t, INDArray w, INDArray d, boolean second) {
        t.b[id] = mapTo(t, pick(t.b), TapeSlots.Role.B);
        if (second) t.c[id] = mapTo(t, pick(t.c), TapeSlots.Role.C);
    }

    @Override
    void reverse(Tape t, INDArray w, INDArray d, Cotangents cot, INDArray grad) {
        route(cot, true);
        route(cot, false);
    }

    /**
     * Sends L^T of one cotangent stream to the sources. A part that is the incoming array
     * itself (pass-through) is moved to the last source that receives it and copied for the
     * others, so no two slots ever share a buffer that one of them may update in place.
     */
    void route(Cotangents cot, boolean first) {
        INDArray g = first ? cot.b(id) : cot.c(id);
        if (g == null) return;
        INDArray[] parts = transpose(g);
        int last = -1;
        for (int i = 0; i < parts.length; i++) if (parts[i] == g && cot.needed(src[i])) last = i;
        for (int i = 0; i < parts.length; i++) {
            if (parts[i] == g && i == last) cot.move(first, id, src[i]);
            else if (parts[i] == g) cot.add(first, src[i], g.dup(), true);
            else cot.add(first, src[i], parts[i], true);
        }
    }

    private INDArray[] pick(INDArray[] vals) {
        INDArray[] in = new INDArray[src.length];
        for (int i = 0; i < src.length; i++) in[i] = vals[src[i]];
        return in;
    }
}
