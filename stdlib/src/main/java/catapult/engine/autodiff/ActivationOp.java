package catapult.engine.autodiff;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * sigma applied to each neuron of one source. Taylor rule: b = s' bx, c = s' cx + s'' bx^2;
 * reverse: bx_bar = s' b_bar + 2 s'' bx c_bar, cx_bar = s' c_bar. The derivatives at the
 * primal are cached on the tape, so repeated tangent/reverse passes at w0 reuse them; relu
 * needs none (its s' is the sign test of the source value, fused into the product).
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
    void forward(Tape t, INDArray w) {
        INDArray out = t.slot(TapeSlots.Role.VALUE, id, size);
        act.valueInto(t.a[src[0]], out);
        t.a[id] = out;
    }

    @Override
    void tangent(Tape t, INDArray w, INDArray d, boolean second) {
        INDArray bx = t.b[src[0]];
        INDArray b = null;
        if (bx != null) {
            b = t.slot(TapeSlots.Role.B, id, size);
            timesD1(t, bx, b, false);
        }
        t.b[id] = b;
        if (!second) return;
        INDArray cx = t.c[src[0]];
        boolean curved = bx != null && !act.linearPieces();
        INDArray c = cx == null && !curved ? null : t.slot(TapeSlots.Role.C, id, size);
        if (cx != null) timesD1(t, cx, c, false);
        if (curved) {
            INDArray sq = t.slot(TapeSlots.Role.SCRATCH, id, size);
            Fused.mul(bx, bx, sq, false);
            Fused.mul(sq, d2(t), c, cx != null);
        }
        t.c[id] = c;
    }

    @Override
    void reverse(Tape t, INDArray w, INDArray d, Cotangents cot, INDArray grad) {
        int s = src[0];
        if (!cot.needed(s)) return;
        INDArray gc = cot.c(id);
        INDArray bxSrc = t.b[s];
        boolean curved = gc != null && bxSrc != null && !act.linearPieces();
        Cotangents.RankOne r = cot.pendingB(id);
        if (r != null && !curved && OuterProducts.usable(r.columns(), r.rows(), t.a[s])) {
            INDArray dst = cot.target(true, s, size);
            boolean relu = act == Activation.RELU;
            OuterProducts.throughActivation(r.columns(), r.rows(), r.alphas(), relu ? t.a[s] : d1(t), relu, dst, cot.has(true, s));
            cot.wrote(true, s, dst);
            gcBack(t, cot, gc, s);
            return;
        }
        INDArray gb = cot.b(id);
        if (gb != null || curved) {
            INDArray dst = cot.target(true, s, size);
            boolean acc = cot.has(true, s);
            if (gb != null) timesD1(t, gb, dst, acc);
            if (curved) {
                INDArray extra = t.slot(TapeSlots.Role.SCRATCH, id, size);
                Fused.mul(gc, bxSrc, extra, false);
                Fused.mul(extra, d2(t), extra, false);
                Fused.scaled(extra, 2.0, dst, acc || gb != null);
            }
            cot.wrote(true, s, dst);
        }
        gcBack(t, cot, gc, s);
    }

    /** The c-stream: cx_bar (+)= s' c_bar. */
    private void gcBack(Tape t, Cotangents cot, INDArray gc, int s) {
        if (gc != null && cot.neededC(s)) {
            INDArray dst = cot.target(false, s, size);
            timesD1(t, gc, dst, cot.has(false, s));
            cot.wrote(false, s, dst);
        }
    }

    /**
     * out (+)= g o sigma'(a_src): for relu on arrays small enough for a Java loop, one fused sign
     * test; else a product with s' cached on the tape (large arrays, and repeated passes on one
     * tape such as Hessian-vector products, compute the mask once).
     */
    private void timesD1(Tape t, INDArray g, INDArray out, boolean accumulate) {
        if (act == Activation.RELU && Fused.loops(g)) Fused.maskPositive(g, t.a[src[0]], out, accumulate);
        else Fused.mul(g, d1(t), out, accumulate);
    }

    private INDArray d1(Tape t) {
        if (t.aux1[id] == null) {
            INDArray out = t.slot(TapeSlots.Role.AUX1, id, size);
            act.d1Into(t.a[src[0]], out);
            t.aux1[id] = out;
        }
        return t.aux1[id];
    }

    private INDArray d2(Tape t) {
        if (t.aux2[id] == null) {
            INDArray out = t.slot(TapeSlots.Role.AUX2, id, size);
            act.d2Into(t.a[src[0]], out);
            t.aux2[id] = out;
        }
        return t.aux2[id];
    }
}
