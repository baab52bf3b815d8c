package catapult.engine.autodiff;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

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
    private final SegmentViews weightViews;  // units x fanin views of flat vectors (unmasked)
    private final SegmentViews biasViews;

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
        this.weightViews = new SegmentViews(this::paramOffset, units, fanin);
        this.biasViews = new SegmentViews(() -> paramOffset + paramCount - units, units, 0);
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
        INDArray x = joined(t, t.a, TapeSlots.Role.AUX1);
        INDArray wEff = weights(w);
        INDArray z = t.slot(TapeSlots.Role.VALUE, id, units);
        apply(x, wEff, z, 1.0, 0.0);
        release(wEff, w);
        INDArray bias = biasOf(w);
        if (bias != null) Fused.addRow(z, bias);
        if (srcSizes.length > 1) t.aux1[id] = x;
        t.a[id] = z;
    }

    @Override
    void tangent(Tape t, INDArray w, INDArray d, boolean second) {
        INDArray bx = joined(t, t.b, TapeSlots.Role.JOIN_B);
        INDArray wEff = weights(w);
        INDArray dEff = trainable ? weights(d) : null;
        INDArray bz = bx == null && dEff == null ? null : t.slot(TapeSlots.Role.B, id, units);
        if (bx != null) apply(bx, wEff, bz, 1.0, 0.0);
        if (dEff != null) apply(input(t), dEff, bz, 1.0, bx == null ? 0.0 : 1.0);
        if (trainable && hasBias) Fused.addRow(bz, biasViews.of(d));
        t.b[id] = bz;
        if (second) {
            INDArray cx = joined(t, t.c, TapeSlots.Role.JOIN_C);
            boolean cross = dEff != null && bx != null;
            INDArray cz = cx == null && !cross ? null : t.slot(TapeSlots.Role.C, id, units);
            if (cx != null) apply(cx, wEff, cz, 1.0, 0.0);
            if (cross) apply(bx, dEff, cz, 2.0, cx == null ? 0.0 : 1.0);
            t.c[id] = cz;
        }
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

    /**
     * Sends the cotangents back to the sources: b-stream alpha (gb W + 2 gc dW), c-stream
     * alpha gc W, written straight into the sources' cotangent buffers.
     */
    private void pullBack(Tape t, INDArray w, INDArray d, Cotangents cot, INDArray gb, INDArray gc,
                          double alpha) {
        if (!anySourceNeeded(cot)) return;
        INDArray wEff = weights(w);
        INDArray dEff = gc != null && trainable ? weights(d) : null;
        if (gb != null || dEff != null) send(t, cot, true, gb, wEff, gc, dEff, alpha);
        if (gc != null && any(cot.neededC)) send(t, cot, false, gc, wEff, null, null, alpha);
        release(wEff, w);
        release(dEff, d);
    }

    /** One stream's source cotangent alpha (g1 W1 + 2 g2 W2) (either term may be absent). */
    private void send(Tape t, Cotangents cot, boolean first, INDArray g1, INDArray w1, INDArray g2, INDArray w2,
                      double alpha) {
        if (src.length == 1) {
            int s = src[0];
            if (!cot.wants(first, s)) return;
            if (first && pendsRankOne(cot, s, g1, w2)) {
                // gb W (+ 2 gc dW) is a sum of outer products: let the consumer fuse it
                if (w2 == null) cot.pendRankOne(s, new INDArray[]{g1}, new INDArray[]{w1}, new double[]{alpha});
                else if (g1 == null) cot.pendRankOne(s, new INDArray[]{g2}, new INDArray[]{w2}, new double[]{2 * alpha});
                else cot.pendRankOne(s, new INDArray[]{g1, g2}, new INDArray[]{w1, w2}, new double[]{alpha, 2 * alpha});
                return;
            }
            INDArray dst = cot.target(first, s, fanin);
            boolean acc = cot.has(first, s);
            if (g1 != null) Blas.gemm(g1, w1, dst, false, false, alpha, acc ? 1.0 : 0.0);
            if (w2 != null) Blas.gemm(g2, w2, dst, false, false, 2.0 * alpha, acc || g1 != null ? 1.0 : 0.0);
            cot.wrote(first, s, dst);
            return;
        }
        INDArray all = t.slot(TapeSlots.Role.SCRATCH, id, fanin);
        if (g1 != null) Blas.gemm(g1, w1, all, false, false, alpha, 0.0);
        if (w2 != null) Blas.gemm(g2, w2, all, false, false, 2.0 * alpha, g1 != null ? 1.0 : 0.0);
        int from = 0;
        for (int i = 0; i < src.length; i++) {
            int s = src[i];
            if (cot.wants(first, s)) {
                INDArray part = all.get(NDArrayIndex.all(), NDArrayIndex.interval(from, from + srcSizes[i]));
                INDArray dst = cot.target(first, s, srcSizes[i]);
                if (cot.has(first, s)) dst.addi(part); else dst.assign(part);
                cot.wrote(first, s, dst);
            }
            from += srcSizes[i];
        }
    }

    /**
     * Whether a one-unit group may hand its source the b-cotangent as outer-product factors: the
     * source has nothing yet, and the factors (this op's cotangents, its weight views) outlive
     * this op's part of the pass.
     */
    private boolean pendsRankOne(Cotangents cot, int s, INDArray g1, INDArray w2) {
        if (units != 1 || scaleRow != null || mask != null || cot.has(true, s)) return false;
        return (g1 == null || cot.lasting(true, id)) && (w2 == null || cot.lasting(false, id));
    }

    /** Writes this op's whole gradient segment (weights, then biases). */
    private void writeGradient(Tape t, INDArray grad, INDArray rawB, INDArray gb, INDArray gc,
                               double alpha) {
        INDArray x = input(t);
        INDArray bx = gc == null ? null : joined(t, t.b, TapeSlots.Role.JOIN_B);
        if (mask == null) {
            // gemm straight into the gradient's segment: no temporary, no copy
            INDArray target = weightViews.of(grad);
            if (gb != null) Blas.gemm(gb, x, target, true, false, alpha, 0.0);
            if (bx != null) Blas.gemm(gc, bx, target, true, false, 2.0 * alpha, gb == null ? 0.0 : 1.0);
            if (gb == null && bx == null) target.assign(0);
        } else {
            INDArray full = Nd4j.zeros(x.dataType(), units, fanin);
            if (gb != null) Blas.gemm(gb, x, full, true, false, alpha, 0.0);
            if (bx != null) Blas.gemm(gc, bx, full, true, false, 2.0 * alpha, 1.0);
            mask.compactInto(full, segment(grad, paramOffset, mask.count()));
            Buffers.release(full);
        }
        if (hasBias) {
            INDArray biasGrad = biasViews.of(grad);
            if (rawB != null) Fused.columnSums(rawB, biasGrad); else biasGrad.assign(0);
        }
    }

    /** Per-example gradient of neuron v's weights is s_v (gb_v x + gc_v bx): add its Gram. */
    private void addKernel(Tape t, KernelSink sink, INDArray rawB, INDArray gb, INDArray gc,
                           double alpha) {
        INDArray x = input(t);
        INDArray bx = gc == null ? null : joined(t, t.b, TapeSlots.Role.JOIN_B);
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
    }

    /** into = factor s o (x W^T) + beta into. */
    private void apply(INDArray x, INDArray wEff, INDArray into, double factor, double beta) {
        if (scaleRow == null) {
            Blas.gemm(x, wEff, into, false, true, factor * uniformScale, beta);
            return;
        }
        INDArray z = Nd4j.gemm(x, wEff, false, true).muliRowVector(scaleRow);
        if (beta == 0.0) into.assign(z.muli(factor)); else into.addi(z.muli(factor));
        Buffers.release(z);
    }

    private INDArray scaled(INDArray g) {
        if (g == null || scaleRow == null) return g;
        return g.mulRowVector(scaleRow);
    }

    /** The effective weights (units x fanin) stored in a flat vector (or frozen). */
    private INDArray weights(INDArray flat) {
        if (!trainable) return frozenW;
        if (mask != null) return mask.expand(segment(flat, paramOffset, mask.count()));
        return weightViews.of(flat);
    }

    private INDArray biasOf(INDArray w) {
        if (!hasBias) return null;
        return trainable ? biasViews.of(w) : frozenB;
    }

    /** Releases an expanded weight matrix (masked groups allocate one per use). */
    private void release(INDArray wEff, INDArray flat) {
        if (wEff != null && trainable && mask != null) Buffers.release(wEff);
    }

    /** The op's (concatenated) input values as cached by forward. */
    private INDArray input(Tape t) {
        return srcSizes.length > 1 ? t.aux1[id] : t.a[src[0]];
    }

    /**
     * The op's input from the sources' arrays of one kind: the source's own array for one
     * source; else their column blocks (zero for null ones) in a tape slot; null if all are null.
     */
    private INDArray joined(Tape t, INDArray[] vals, TapeSlots.Role role) {
        if (srcSizes.length == 1) return vals[src[0]];
        boolean any = false;
        for (int s : src) any |= vals[s] != null;
        if (!any) return null;
        INDArray out = t.slot(role, id, fanin);
        int from = 0;
        for (int i = 0; i < src.length; i++) {
            INDArray block = out.get(NDArrayIndex.all(), NDArrayIndex.interval(from, from + srcSizes[i]));
            if (vals[src[i]] != null) block.assign(vals[src[i]]); else block.assign(0);
            from += srcSizes[i];
        }
        return out;
    }

    private boolean anySourceNeeded(Cotangents cot) {
        for (int s : src) if (cot.needed(s)) return true;
        return false;
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
