package catapult.engine.autodiff;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A 2-D convolution with shared weights on channels-last images:
 * z = alpha conv(x, W) + b with alpha = 1/sqrt(cin k^2) in the NTK parameterization.
 * Forward and reverse use libnd4j's conv2d / conv2d_bp; convolution is bilinear in (x, W), so
 * the Taylor and reverse rules are sums of those two calls.
 *
 * <p>Flat layout of its segment: weights as kH x kW x cin x cout row-major, then cout biases.
 */
public final class ConvOp extends Op {
    private final int h, w, cin, cout, k, stride;
    private final boolean same;
    private final boolean hasBias;
    private final double alpha;
    private final double[] initial;

    public ConvOp(int id, int source, int h, int w, int cin, int cout, int k, int stride,
                  boolean same, double alpha, double[] weights, double[] bias, long[] outShape) {
        super(id, new int[]{source}, outShape);
        this.h = h; this.w = w; this.cin = cin; this.cout = cout; this.k = k; this.stride = stride;
        this.same = same;
        this.hasBias = bias != null;
        this.alpha = alpha;
        double[] all = bias == null ? weights.clone() : java.util.Arrays.copyOf(weights, weights.length + bias.length);
        if (bias != null) System.arraycopy(bias, 0, all, weights.length, bias.length);
        this.initial = all;
        this.paramCount = all.length;
    }

    /** Initial values of this op's flat segment. */
    public double[] initialSegment() { return initial.clone(); }

    /** Edges into each output neuron: cin * k^2 (zero padding counts as edges). */
    public int inDegree() { return cin * k * k; }

    @Override
    boolean usesSecondCotangent(boolean[] varies, boolean[] needed, boolean[] neededC, boolean params) {
        return (params && any(varies)) || any(needed) || any(neededC);
    }

    @Override
    void forward(Tape t, INDArray wFlat) {
        INDArray z = conv(t.a[src[0]], kernel(wFlat), t.n).muli(alpha);
        if (hasBias) z.addiRowVector(bias(wFlat));
        t.a[id] = z.reshape('c', t.n, size);
    }

    @Override
    void tangent(Tape t, INDArray wFlat, INDArray d, boolean second) {
        INDArray bx = t.b[src[0]];
        INDArray bz = conv(t.a[src[0]], kernel(d), t.n);
        if (bx != null) bz.addi(conv(bx, kernel(wFlat), t.n));
        bz.muli(alpha);
        if (hasBias) bz.addiRowVector(bias(d));
        t.b[id] = bz.reshape('c', t.n, size);
        if (!second) return;
        INDArray cx = t.c[src[0]];
        INDArray cz = cx == null ? null : conv(cx, kernel(wFlat), t.n);
        if (bx != null) {
            INDArray extra = conv(bx, kernel(d), t.n).muli(2.0);
            cz = cz == null ? extra : cz.addi(extra);
        }
        t.c[id] = cz == null ? null : cz.muli(alpha).reshape('c', t.n, size);
    }

    @Override
    void reverse(Tape t, INDArray wFlat, INDArray d, Cotangents cot, INDArray grad) {
        if (cot.sink != null) {
            throw new UnsupportedOperationException("structured kernel: conv groups need the Jacobian fallback");
        }
        INDArray gb = cot.b(id);
        INDArray gc = cot.c(id);
        INDArray x = t.a[src[0]];
        INDArray gw = Nd4j.zeros(wFlat.dataType(), k, k, cin, cout);
        INDArray xb = null;
        INDArray xc = null;
        if (gb != null) {
            INDArray[] r = convBack(x, kernel(wFlat), gb, t.n);
            xb = r[0];
            gw.addi(r[1]);
            if (hasBias && grad != null) segment(grad, paramOffset + paramCount - cout, cout)
                    .assign(gb.reshape('c', (long) t.n * size / cout, cout).sum(0));
        }
        if (gc != null) {
            INDArray[] r = convBack(x, kernel(wFlat), gc, t.n);
            xc = r[0];
            INDArray bx = t.b[src[0]];
            if (bx != null) {
                INDArray[] s = convBack(bx, kernel(d), gc, t.n);
                xb = xb == null ? s[0].muli(2.0) : xb.addi(s[0].muli(2.0));
                gw.addi(s[1].muli(2.0));
            }
        }
        if (grad != null) segment(grad, paramOffset, (long) k * k * cin * cout).assign(gw.muli(alpha).reshape(-1));
        if (grad != null && hasBias && gb == null) segment(grad, paramOffset + paramCount - cout, cout).assign(0);
        if (xb != null) cot.addB(src[0], xb.muli(alpha).reshape('c', t.n, (long) h * w * cin), true);
        if (xc != null) cot.addC(src[0], xc.muli(alpha).reshape('c', t.n, (long) h * w * cin), true);
    }

    private INDArray kernel(INDArray flat) {
        return segment(flat, paramOffset, (long) k * k * cin * cout).reshape('c', k, k, cin, cout);
    }

    private INDArray bias(INDArray flat) {
        return segment(flat, paramOffset + paramCount - cout, cout);
    }

    /** conv2d of an n x (h w cin) value; returns (n*ho*wo) x cout rows. */
    private INDArray conv(INDArray x, INDArray kern, int n) {
        INDArray img = x.reshape('c', n, h, w, cin);
        INDArray out = Nd4j.create(x.dataType(), n, shape[0], shape[1], cout);
        Nd4j.exec(DynamicCustomOp.builder("conv2d").addInputs(img, kern).addOutputs(out)
                .addIntegerArguments(args()).build());
        return out.reshape('c', (long) n * shape[0] * shape[1], cout);
    }

    /** {input cotangent (n,h,w,cin), kernel cotangent (k,k,cin,cout)} of conv(x, kern) for g. */
    private INDArray[] convBack(INDArray x, INDArray kern, INDArray g, int n) {
        INDArray img = x.reshape('c', n, h, w, cin);
        INDArray go = g.reshape('c', n, shape[0], shape[1], cout);
        INDArray gi = Nd4j.create(x.dataType(), n, h, w, cin);
        INDArray gk = Nd4j.create(x.dataType(), k, k, cin, cout);
        Nd4j.exec(DynamicCustomOp.builder("conv2d_bp").addInputs(img, kern, go).addOutputs(gi, gk)
                .addIntegerArguments(args()).build());
        return new INDArray[]{gi, gk};
    }

    private int[] args() {
        return new int[]{k, k, stride, stride, 0, 0, 1, 1, same ? 1 : 0, 1, 0};
    }

    /** Output height or width for an input extent. */
    public static int outExtent(int in, int k, int stride, boolean same) {
        return same ? (in + stride - 1) / stride : (in - k) / stride + 1;
    }

}
