package catapult.engine.autodiff;

import catapult.engine.PhaseClock;
import catapult.engine.PhaseClock.Phase;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.List;

/**
 * A compiled network DAG: ops in topological order, the input and output nodes, and the
 * drivers of the three passes every model is built from — forward (primal values), tangents
 * (second-order Taylor coefficients along a parameter direction d) and reverse (the gradient
 * with respect to d of &lt;bbar, b_out&gt; + &lt;cbar, c_out&gt;, plus the input cotangent).
 *
 * <p>With cbar = null the reverse pass is the plain vjp J(w)^T bbar. With bbar = r, cbar = r/2
 * it is the gradient of the quadratic model; with bbar = 0, cbar = c it is 2 (sum c H) d.
 */
public final class OpProgram {
    private final Op[] ops;
    private final int[] inputs;
    private final int[] outputs;
    private final long paramCount;
    private final DataType dtype;
    private final boolean[] hasParams;
    private final boolean[] varies;
    private final TapePool pool;

    /** Assigns parameter segments in op order; {@code ops.get(i).id} must be i. */
    public OpProgram(List<Op> ops, int[] inputs, int[] outputs, DataType dtype) {
        this.ops = ops.toArray(new Op[0]);
        this.inputs = inputs.clone();
        this.outputs = outputs.clone();
        this.dtype = dtype;
        long offset = 0;
        hasParams = new boolean[this.ops.length];
        varies = new boolean[this.ops.length];
        for (Op op : this.ops) {
            op.paramOffset = offset;
            offset += op.paramCount;
            hasParams[op.id] = op.paramCount > 0;
            varies[op.id] = hasParams[op.id];
            for (int s : op.src) varies[op.id] |= varies[s];
        }
        this.paramCount = offset;
        this.pool = new TapePool(this.ops.length);
    }

    /** The ops in topological order (index = node id). */
    public List<Op> ops() { return List.of(ops); }

    /** Total number of trainable parameters. */
    public long paramCount() { return paramCount; }

    /** Floating-point type of parameters and values. */
    public DataType dtype() { return dtype; }

    /** Features per example across all inputs. */
    public int inputSize() {
        int s = 0;
        for (int i : inputs) s += ops[i].size;
        return s;
    }

    /** Number of outputs k. */
    public int outputSize() {
        int s = 0;
        for (int o : outputs) s += ops[o].size;
        return s;
    }

    /** The flat initial parameter vector assembled from each op's initial segment. */
    public INDArray initialParams() {
        double[] all = new double[Math.toIntExact(paramCount)];
        for (Op op : ops) {
            if (op instanceof DenseOp dense) {
                System.arraycopy(dense.initialSegment(), 0, all, (int) op.paramOffset, (int) op.paramCount);
            } else if (op instanceof ConvOp conv) {
                System.arraycopy(conv.initialSegment(), 0, all, (int) op.paramOffset, (int) op.paramCount);
            }
        }
        return Nd4j.create(all, new long[]{all.length}, dtype);
    }

    /** Primal pass on x (n x inputSize, already flattened) at parameters w. */
    public Tape forward(INDArray x, INDArray w) {
        try (PhaseClock.Scope phase = PhaseClock.enter(Phase.FORWARD)) {
            int n = Math.toIntExact(x.rows());
            Tape t = new Tape(n, ops.length, pool.take(n, dtype), pool);
            INDArray xx = x.dataType() == dtype ? x : x.castTo(dtype);
            if (xx == x) t.borrow(x);
            int from = 0;
            for (int i : inputs) {
                t.a[i] = inputs.length == 1 ? xx
                        : xx.get(NDArrayIndex.all(), NDArrayIndex.interval(from, from + ops[i].size));
                from += ops[i].size;
            }
            for (Op op : ops) op.forward(t, w);
            return t;
        }
    }

    /** Fills the tangents b (and c when {@code second}) along direction d at parameters w. */
    public void tangents(Tape t, INDArray w, INDArray d, boolean second) {
        try (PhaseClock.Scope phase = PhaseClock.enter(Phase.TANGENT)) {
            t.clearTangents();
            d = sameType(d);
            for (Op op : ops) {
                if (varies[op.id]) op.tangent(t, w, d, second);
            }
        }
    }

    /** The n x k output of one tape row-set: a (values), b or c (coefficients); null = zero. */
    public INDArray output(Tape t, INDArray[] which) {
        if (outputs.length == 1) return which[outputs[0]];
        INDArray ref = null;
        for (int o : outputs) if (which[o] != null) ref = which[o];
        if (ref == null) return null;
        INDArray[] parts = new INDArray[outputs.length];
        for (int i = 0; i < outputs.length; i++) {
            parts[i] = which[outputs[i]] != null ? which[outputs[i]]
                    : Nd4j.zeros(ref.dataType(), t.n, ops[outputs[i]].size);
        }
        return Nd4j.hstack(parts);
    }

    /** A fresh copy of an output (so the tape can be closed). */
    public INDArray outputCopy(Tape t, INDArray[] which) {
        INDArray y = output(t, which);
        if (y == null) return Nd4j.zeros(dtype, t.n, outputSize());
        return outputs.length == 1 ? y.dup() : y;
    }

    /** Result of a reverse pass: the gradient with respect to d and the input cotangent. */
    public record Gradient(INDArray params, INDArray input) {}

    /**
     * Reverse pass: gradient with respect to d of &lt;bbar, b_out&gt; + &lt;cbar, c_out&gt;. The tape
     * must hold b (for the direction d) whenever cbar is given. With {@code sink}, dense ops add
     * their kernel factors to it instead of writing gradients.
     */
    public Gradient reverse(Tape t, INDArray w, INDArray d, INDArray bbar, INDArray cbar,
                            boolean wantInput, KernelSink sink) {
        INDArray grad = sink == null ? Nd4j.createUninitialized(dtype, paramCount) : null;
        return run(t, w, d, bbar, cbar, grad, wantInput, sink);
    }

    /**
     * As {@link #reverse} without input cotangent or sink, writing the gradient into {@code grad}
     * (length p, this program's dtype): the allocation-free form a training loop uses with one
     * gradient buffer for all its steps.
     */
    public void reverseInto(Tape t, INDArray w, INDArray d, INDArray bbar, INDArray cbar, INDArray grad) {
        if (grad.length() != paramCount || grad.dataType() != dtype) {
            throw new IllegalArgumentException("gradient buffer must be a length-" + paramCount + " " + dtype + " vector");
        }
        run(t, w, d, bbar, cbar, grad, false, null);
    }

    /** J_x^T bbar only (per-example input gradients, as for AGOP): no parameter gradient. */
    public INDArray inputGradient(Tape t, INDArray w, INDArray bbar) {
        return run(t, w, null, bbar, null, null, true, null).input();
    }

    /**
     * The input cotangent of the jet reverse with seeds (bbar, cbar) along d: with bbar = c,
     * cbar = c/2 it is grad_x &lt;c, f(x; w) + J(x; w) d&gt;, since the input's b-stream cotangent
     * picks up the mixed derivative d_x d_w f . d (the linear model's input gradient).
     */
    public INDArray inputGradient(Tape t, INDArray w, INDArray d, INDArray bbar, INDArray cbar) {
        return run(t, w, d, bbar, cbar, null, true, null).input();
    }

    /**
     * The reverse pass proper. Each parameterized op that runs writes its whole segment of
     * {@code grad} (null: no parameter gradient); the segments of ops it skips are zeroed.
     */
    private Gradient run(Tape t, INDArray w, INDArray d, INDArray bbar, INDArray cbar,
                         INDArray grad, boolean wantInput, KernelSink sink) {
        try (PhaseClock.Scope phase = PhaseClock.enter(Phase.REVERSE)) {
            boolean params = grad != null || sink != null;
            boolean[] need = needed(params, wantInput);
            Cotangents cot = new Cotangents(t, ops.length, need, neededC(need, params), sink);
            d = sameType(d);
            seed(cot, bbar, true);
            seed(cot, cbar, false);
            for (int v = ops.length - 1; v >= 0; v--) {
                if (ops[v] instanceof InputOp) continue;
                if (!cot.present(v)) {
                    if (grad != null && hasParams[v]) Op.segment(grad, ops[v].paramOffset, ops[v].paramCount).assign(0);
                    continue;
                }
                ops[v].reverse(t, w, d, cot, grad);
                cot.releaseNode(v);
            }
            INDArray in = wantInput ? inputCotangent(t, cot) : null;
            for (int i : inputs) cot.releaseNode(i);
            return new Gradient(grad, in);
        }
    }

    /** A direction in the parameters' dtype (users may pass float64 to a float32 net). */
    private INDArray sameType(INDArray d) {
        return d == null || d.dataType() == dtype ? d : d.castTo(dtype);
    }

    private INDArray inputCotangent(Tape t, Cotangents cot) {
        INDArray[] parts = new INDArray[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            INDArray g = cot.takeB(inputs[i]);
            parts[i] = g != null ? g : Nd4j.zeros(dtype, t.n, ops[inputs[i]].size);
        }
        return parts.length == 1 ? parts[0] : Nd4j.hstack(parts);
    }

    private void seed(Cotangents cot, INDArray g, boolean first) {
        if (g == null) return;
        INDArray gg = g.dataType() == dtype ? g : g.castTo(dtype);
        boolean owned = gg != g;
        int from = 0;
        for (int o : outputs) {
            INDArray part = outputs.length == 1 ? gg
                    : gg.get(NDArrayIndex.all(), NDArrayIndex.interval(from, from + ops[o].size)).dup();
            cot.add(first, o, part, owned || outputs.length > 1);
            from += ops[o].size;
        }
    }

    /** neededC[v]: something uses v's c-cotangent (so second-order reverse work is not wasted). */
    private boolean[] neededC(boolean[] need, boolean params) {
        boolean[] c = new boolean[ops.length];
        for (Op op : ops) c[op.id] = op.usesSecondCotangent(varies, need, c, params);
        return c;
    }

    /** needed[v]: v's cotangent feeds a parameter gradient or a wanted input cotangent. */
    private boolean[] needed(boolean wantParams, boolean wantInput) {
        boolean[] need = new boolean[ops.length];
        for (Op op : ops) {
            need[op.id] = (wantParams && hasParams[op.id]) || (wantInput && op instanceof InputOp);
            for (int s : op.src) need[op.id] |= need[s];
        }
        return need;
    }
}
