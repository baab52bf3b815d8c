package catapult.engine.autodiff;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * sigma applied to each neuron of one source. Taylor rule: b = s' bx, c = s' cx + s'' bx^2;
 * reverse: bx_bar = s' b_bar + 2 s'' bx c_bar, cx_bar = s' c_bar. The derivatives at the
 * primal are cached on the tape, so repeated tangent/reverse passes at w0 reuse them.
 */
public final class ActivationOp extends Op {
    private final Activation act;

    public ActivationOp(int id, int source, long[] shape, Activation act) {
        super(id, new int[]{source}, shape);
        this.act = act;
    }

    /** The activation function. */
    public Activation activation() { return act; }

    @Override
    boolean usesSecondCotangent(boolean[] varies, boolean[] needed, boolean[] neededC, boolean params) {
        return (!act.linearPieces() && any(varies) && any(needed)) || any(neededC);
    }

    @Override
    void forward(Tape t, INDArray w) { t.a[id] = act.value(t.a[src[0]]); }

    @Override
    void tangent(Tape t, INDArray w, INDArray d, boolean second) {
        INDArray bx = t.b[src[0]];
        t.b[id] = bx == null ? null : bx.mul(d1(t));
        if (!second) return;
        INDArray cx = t.c[src[0]];
        INDArray c = cx == null ? null : cx.mul(d1(t));
        if (bx != null && !act.linearPieces()) {
            INDArray sq = bx.mul(bx).muli(d2(t));
            c = c == null ? sq : c.addi(sq);
            if (c != sq) Buffers.release(sq);
        }
        t.c[id] = c;
    }

    @Override
    void reverse(Tape t, INDArray w, INDArray d, Cotangents cot, INDArray grad) {
        if (!cot.needed(src[0])) return;
        INDArray gb = cot.b(id);
        INDArray gc = cot.c(id);
        INDArray bx = gb == null ? null : masked(cot, gb, d1(t));
        INDArray bxSrc = t.b[src[0]];
        if (gc != null && bxSrc != null && !act.linearPieces()) {
            INDArray extra = gc.mul(bxSrc).muli(d2(t)).muli(2.0);
            bx = bx == null ? extra : bx.addi(extra);
            if (bx != extra) Buffers.release(extra);
        }
        cot.addB(src[0], bx, true);
        if (gc != null && cot.neededC(src[0])) cot.addC(src[0], gc.mul(d1(t)), true);
    }

    /**
     * gb o sigma'(a): in place when the cotangent is a fresh array this pass owns, which saves an
     * n x size allocation and one pass over memory per reverse (the relu backward of every step).
     */
    private INDArray masked(Cotangents cot, INDArray gb, INDArray d1) {
        if (cot.ownsB(id) && gb.closeable()) return cot.takeB(id).muli(d1);
        return gb.mul(d1);
    }

    private INDArray d1(Tape t) {
        if (t.aux1[id] == null) t.aux1[id] = act.d1(t.a[src[0]]);
        return t.aux1[id];
    }

    private INDArray d2(Tape t) {
        if (t.aux2[id] == null) t.aux2[id] = act.d2(t.a[src[0]]);
        return t.aux2[id];
    }
}
