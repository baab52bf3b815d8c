package catapult.engine.autodiff;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A dense neuron group: z = s o (X W^T) + b, with X the concatenated values of its sources,
 * W (units x fanin) restricted by a fixed 0/1 edge mask, s the per-neuron scale
 * (1/sqrt(in-degree) in the NTK parameterization) and an optional bias.
 *
 * <p>Flat layout of its segment: the weights row-major (neuron-major), only the surviving edges
 * when masked, then the biases. A frozen group keeps its weights outside the flat vector.
 */
public final class DenseOp extends Op {
    private final int[] srcSizes;
    private final int units;
    private final int fanin;
    private final boolean hasBias;
    private final boolean trainable;
    private final double uniformScale;      // NaN when the scale varies per neuron
    private final INDArray scaleRow;        // 1 x units, or null when uniform
    private final EdgeMask mask;            // null when every edge exists
    private final int[] inDegrees;
    private final INDArray frozenW;         // effective weights of a frozen group
    private final INDArray frozenB;
    private final double[] initial;         // initial values of the segment (trainable only)

    /**
     * @param weights initial full weights, units x fanin row-major (values at dropped edges ignored)
     * @param mask    kept edges (row-major), or null for all edges
     * @param scale   per-neuron pre-activation scale
     * @param bias    initial biases, or null for no bias
     */
    public DenseOp(int id, int[] src, int[] srcSizes, int units, double[] weights, boolean[] mask,
                   double[] scale, double[] bias, boolean trainable, DataType dtype) {
        super(id, src, new long[]{units});
        this.srcSizes = srcSizes.clone();
        this.units = units;
        this.fanin = java.util.Arrays.stream(srcSizes).sum();
        this.hasBias = bias != null;
        this.trainable = trainable;
        this.inDegrees = EdgeMask.inDegrees(mask, units, fanin);
        this.uniformScale = isUniform(scale) ? scale[0] : Double.NaN;
        this.scaleRow = isUniform(scale) ? null : Nd4j.create(scale, new long[]{1, units}, dtype);
        this.mask = mask == null ? null : new EdgeMask(mask, units, fanin);
        double[] eff = this.mask == null ? weights.clone() : this.mask.zeroDropped(weights);
        if (trainable) {
            this.initial = concat(this.mask == null ? eff : this.mask.compact(eff), bias);
            this.paramCount = initial.length;
            this.frozenW = null;
            this.frozenB = null;
        } else {
            this.initial = null;
            this.frozenW = Nd4j.create(eff, new long[]{units, fanin}, dtype);
            this.frozenB = bias == null ? null : Nd4j.create(bias, new long[]{units}, dtype);
        }
    }

    /** Number of neurons. */
    public int units() { return units; }

    /** Width of the concatenated input. */
    public int fanin() { return fanin; }

    /** Surviving incoming edges per neuron. */
    public int[] inDegrees() { return inDegrees.clone(); }

    /** Whether the group's parameters are in the flat vector. */
    public boolean trainable() { return trainable; }

    /** Whether the group has a bias. */
    public boolean hasBias() { return hasBias; }

    /** Whether edges were dropped or restricted. */
    public boolean masked() { return mask != null; }

    /** Initial values of this op's flat segment (empty when frozen). */
    public double[] initialSegment() { return initial == null ? new double[0] : initial.clone(); }

    @Override
    boolean usesSecondCotangent(boolean[] varies, boolean[] needed, boolean[] neededC, boolean params) {
        return (trainable && ((params && any(varies)) || any(needed))) || any(neededC);
    }

    @Override
    void forward(Tape t, INDArray w) {
        INDArray x = joined(t.a);
        INDArray wEff = weights(w);
        INDArray z = apply(x, wEff, null, 0.0);
        release(wEff, w);
        INDArray bias = biasOf(w);
        if (bias != null) z.addiRowVector(bias);
        if (srcSizes.length > 1) t.aux1[id] = x;
        t.a[id] = z;
    }

    @Override
    void tangent(Tape t, INDArray w, INDArray d, boolean second) {
        INDArray bx = joined(t.b);
        INDArray wEff = weights(w);
        INDArray dEff = trainable ? weights(d) : null;
        INDArray bz = bx == null ? null : apply(bx, wEff, null, 0.0);
        if (dEff != null) bz = apply(input(t), dEff, bz, 1.0);
        if (trainable && hasBias) bz.addiRowVector(segment(d, paramOffset + paramCount - units, units));
        t.b[id] = bz;
        if (second) {
            INDArray cx = joined(t.c);
            INDArray cz = cx == null ? null : apply(cx, wEff, null, 0.0);
            if (dEff != null && bx != null) cz = apply2(bx, dEff, cz);
            t.c[id] = cz;
            if (srcSizes.length > 1) Buffers.release(cx);
        }
        if (srcSizes.length > 1) Buffers.release(bx);
        release(wEff, w);
        release(dEff, d);
    }

    @Override
    void reverse(Tape t, INDArray w, INDArray d, Cotangents cot, INDArray grad) {
        INDArray gb = scaled(cot.b(id));
        INDArray gc = scaled(cot.c(id));
        double alpha = scaleRow == null ? uniformScale : 1.0;
        pullBack(t, w, d, cot, gb, gc, alpha);
        if (trainable && (cot.sink != null || grad != null)) {
            if (cot.sink != null) addKernel(t, cot.sink, cot.b(id), gb, gc, alpha);
            else writeGradient(t, grad, cot.b(id), gb, gc, alpha);
        }
        if (gb != cot.b(id)) Buffers.release(gb);
        if (gc != cot.c(id)) Buffers.release(gc);
    }

    /** Sends (gb W, gc W + 2 gb-part through d) back to the sources. */
    private void pullBack(Tape t, INDArray w, INDArray d, Cotangents cot, INDArray gb, INDArray gc,
                          double alpha) {
        if (!anySourceNeeded(cot)) return;
        INDArray wEff = weights(w);
        INDArray bx = gb == null ? null : times(gb, wEff, null, alpha);
        INDArray cx = null;
        if (gc != null) {
            if (any(cot.neededC)) cx = times(gc, wEff, null, alpha);
            if (trainable) {
                INDArray dEff = weights(d);
                bx = times(gc, dEff, bx, 2.0 * alpha);
                release(dEff, d);
            }
        }
        release(wEff, w);
        distribute(cot, bx, true);
        distribute(cot, cx, false);
    }

    private void writeGradient(Tape t, INDArray grad, INDArray rawB, INDArray gb, INDArray gc,
                               double alpha) {
        INDArray x = input(t);
        INDArray bx = gc == null ? null : joined(t.b);
        if (mask == null) {
            // gemm straight into the gradient's segment: no temporary, no copy
            INDArray target = segment(grad, paramOffset, (long) units * fanin).reshape('c', units, fanin);
            if (gb != null) Nd4j.gemm(gb, x, target, true, false, alpha, 0.0);
            if (bx != null) Nd4j.gemm(gc, bx, target, true, false, 2.0 * alpha, gb == null ? 0.0 : 1.0);
        } else {
            INDArray full = Nd4j.zeros(x.dataType(), units, fanin);
            if (gb != null) Nd4j.gemm(gb, x, full, true, false, alpha, 0.0);
            if (bx != null) Nd4j.gemm(gc, bx, full, true, false, 2.0 * alpha, 1.0);
            mask.compactInto(full, segment(grad, paramOffset, mask.count()));
            Buffers.release(full);
        }
        if (srcSizes.length > 1) Buffers.release(bx);
        if (hasBias && rawB != null) {
            INDArray s = rawB.sum(0);
            segment(grad, paramOffset + paramCount - units, units).assign(s);
            Buffers.release(s);
        }
    }

    /** Per-example gradient of neuron v's weights is s_v (gb_v x + gc_v bx): add its Gram. */
    private void addKernel(Tape t, KernelSink sink, INDArray rawB, INDArray gb, INDArray gc,
                           double alpha) {
        INDArray x = input(t);
        INDArray bx = gc == null ? null : joined(t.b);
        double a2 = alpha * alpha;
        if (mask == null) {
            if (gb != null) sink.addOuterPair(gb, gb, x, x, a2);
            if (gb != null && bx != null) {
                sink.addOuterPair(gb, gc, x, bx, 2.0 * a2);
                sink.addOuterPair(gc, gb, bx, x, 2.0 * a2);
            }
            if (bx != null) sink.addOuterPair(gc, gc, bx, bx, 4.0 * a2);
        } else {
            MaskedJacobian.accumulate(sink, gb, gc == null ? null : gc.mul(2.0), x, bx, mask.kept(),
                    units, fanin, alpha);
        }
        if (hasBias && rawB != null) sink.addGram(rawB, 1.0);
        if (srcSizes.length > 1) Buffers.release(bx);
    }

    /** into + alpha g W (n x fanin), allocating {@code into} when null. */
    private static INDArray times(INDArray g, INDArray wEff, INDArray into, double alpha) {
        if (into == null) {
            into = Nd4j.createUninitialized(g.dataType(), new long[]{g.rows(), wEff.columns()}, 'c');
            return Nd4j.gemm(g, wEff, into, false, false, alpha, 0.0);
        }
        return Nd4j.gemm(g, wEff, into, false, false, alpha, 1.0);
    }

    /** z = alpha-scaled (x W^T) o s, accumulated into {@code into} with factor beta when given. */
    private INDArray apply(INDArray x, INDArray wEff, INDArray into, double beta) {
        if (scaleRow == null) {
            double b = into == null ? 0.0 : beta;
            if (into == null) into = Nd4j.createUninitialized(x.dataType(), new long[]{x.rows(), units}, 'c');
            return Nd4j.gemm(x, wEff, into, false, true, uniformScale, b);
        }
        INDArray z = Nd4j.gemm(x, wEff, false, true).muliRowVector(scaleRow);
        if (into == null) return z;
        into.addi(z);
        Buffers.release(z);
        return into;
    }

    /** into + 2 s o (bx dW^T). */
    private INDArray apply2(INDArray bx, INDArray dEff, INDArray into) {
        INDArray z = apply(bx, dEff, null, 0.0).muli(2.0);
        if (into == null) return z;
        into.addi(z);
        Buffers.release(z);
        return into;
    }

    private INDArray scaled(INDArray g) {
        if (g == null || scaleRow == null) return g;
        return g.mulRowVector(scaleRow);
    }

    /** The effective weights (units x fanin) stored in a flat vector (or frozen). */
    private INDArray weights(INDArray flat) {
        if (!trainable) return frozenW;
        if (mask == null) return segment(flat, paramOffset, (long) units * fanin).reshape('c', units, fanin);
        return mask.expand(segment(flat, paramOffset, mask.count()));
    }

    private INDArray biasOf(INDArray w) {
        if (!hasBias) return null;
        return trainable ? segment(w, paramOffset + paramCount - units, units) : frozenB;
    }

    /** Releases an expanded weight matrix (masked groups allocate one per use). */
    private void release(INDArray wEff, INDArray flat) {
        if (wEff != null && trainable && mask != null) Buffers.release(wEff);
    }

    /** The op's (concatenated) input values as cached by forward. */
    private INDArray input(Tape t) {
        return srcSizes.length > 1 ? t.aux1[id] : t.a[src[0]];
    }

    /** hstack of the sources' arrays with zero blocks for null ones; null if all are null. */
    private INDArray joined(INDArray[] vals) {
        if (srcSizes.length == 1) return vals[src[0]];
        boolean any = false;
        for (int s : src) any |= vals[s] != null;
        if (!any) return null;
        INDArray[] parts = new INDArray[src.length];
        INDArray ref = null;
        for (int s : src) if (vals[s] != null) ref = vals[s];
        for (int i = 0; i < src.length; i++) {
            parts[i] = vals[src[i]] != null ? vals[src[i]]
                    : Nd4j.zeros(ref.dataType(), ref.rows(), srcSizes[i]);
        }
        return Nd4j.hstack(parts);
    }

    private boolean anySourceNeeded(Cotangents cot) {
        for (int s : src) if (cot.needed(s)) return true;
        return false;
    }

    /** Splits an n x fanin cotangent into the sources' column blocks. */
    private void distribute(Cotangents cot, INDArray g, boolean first) {
        if (g == null) return;
        if (src.length == 1) {
            if (first) cot.addB(src[0], g, true); else cot.addC(src[0], g, true);
            return;
        }
        int from = 0;
        for (int i = 0; i < src.length; i++) {
            INDArray part = g.get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                    org.nd4j.linalg.indexing.NDArrayIndex.interval(from, from + srcSizes[i])).dup();
            if (first) cot.addB(src[i], part, true); else cot.addC(src[i], part, true);
            from += srcSizes[i];
        }
        Buffers.release(g);
    }

    private static boolean isUniform(double[] s) {
        for (double v : s) if (v != s[0]) return false;
        return true;
    }

    private static double[] concat(double[] a, double[] b) {
        if (b == null) return a;
        double[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
