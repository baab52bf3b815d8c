package catapult.engine.autodiff;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarMultiplication;
import org.nd4j.linalg.api.ops.impl.scalar.Step;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.SubOp;

/**
 * The elementwise steps of the engine's passes, each writing into an output the caller owns
 * (a tape slot), so a pass allocates nothing. Small arrays run as one fused Java loop over the
 * arrays' memory (measured 1-3 us on 5 x 1024 floats against 5-15 us per ND4J op); large ones,
 * where ND4J's vectorized native loops are faster than scalar Java, and every array in generic
 * mode ({@link EngineMode}) go through ND4J ops with output arrays. Both give the same values.
 * "accumulate" adds to the output instead of overwriting it.
 */
public final class Fused {
    /** Above this many elements a native ND4J op beats a scalar Java loop (measured crossover ~32k floats). */
    static final long LOOP_LIMIT = 32768;

    private Fused() {}

    /** out = max(x, 0). */
    public static void relu(INDArray x, INDArray out) {
        if (!loop(x, out)) {
            org.nd4j.linalg.factory.Nd4j.exec(new RectifiedLinear(x, out, 0.0));
            return;
        }
        long a = RawMemory.address(x), o = RawMemory.address(out), n = x.length();
        if (x.dataType() == DataType.FLOAT) {
            for (long i = 0; i < n; i++) RawMemory.putFloat(o, i, Math.max(RawMemory.getFloat(a, i), 0f));
        } else {
            for (long i = 0; i < n; i++) RawMemory.putDouble(o, i, Math.max(RawMemory.getDouble(a, i), 0.0));
        }
    }

    /** out (+)= g o 1[z > 0]: the relu backward step, without a mask array. */
    public static void maskPositive(INDArray g, INDArray z, INDArray out, boolean accumulate) {
        if (!loop(g, z, out)) {
            INDArray mask = accumulate ? out.ulike() : out;
            org.nd4j.linalg.factory.Nd4j.exec(new Step(z, mask, 0.0));
            org.nd4j.linalg.factory.Nd4j.exec(new MulOp(mask, g, mask));
            if (accumulate) {
                out.addi(mask);
                Buffers.release(mask);
            }
            return;
        }
        long pg = RawMemory.address(g), pz = RawMemory.address(z), po = RawMemory.address(out), n = g.length();
        if (g.dataType() == DataType.FLOAT) {
            for (long i = 0; i < n; i++) {
                int bits = Float.floatToRawIntBits(RawMemory.getFloat(pz, i));
                float v = RawMemory.getFloat(pg, i) * (float) ((-bits & ~bits) >>> 31);   // branch-free z > 0
                RawMemory.putFloat(po, i, accumulate ? RawMemory.getFloat(po, i) + v : v);
            }
        } else {
            for (long i = 0; i < n; i++) {
                long bits = Double.doubleToRawLongBits(RawMemory.getDouble(pz, i));
                double v = RawMemory.getDouble(pg, i) * (double) ((-bits & ~bits) >>> 63);
                RawMemory.putDouble(po, i, accumulate ? RawMemory.getDouble(po, i) + v : v);
            }
        }
    }

    /** out (+)= a o b (elementwise). */
    public static void mul(INDArray a, INDArray b, INDArray out, boolean accumulate) {
        if (!loop(a, b, out)) {
            if (accumulate) {
                INDArray t = a.mul(b);
                out.addi(t);
                Buffers.release(t);
            } else {
                org.nd4j.linalg.factory.Nd4j.exec(new MulOp(a, b, out));
            }
            return;
        }
        long pa = RawMemory.address(a), pb = RawMemory.address(b), po = RawMemory.address(out), n = a.length();
        if (a.dataType() == DataType.FLOAT) {
            for (long i = 0; i < n; i++) {
                float v = RawMemory.getFloat(pa, i) * RawMemory.getFloat(pb, i);
                RawMemory.putFloat(po, i, accumulate ? RawMemory.getFloat(po, i) + v : v);
            }
        } else {
            for (long i = 0; i < n; i++) {
                double v = RawMemory.getDouble(pa, i) * RawMemory.getDouble(pb, i);
                RawMemory.putDouble(po, i, accumulate ? RawMemory.getDouble(po, i) + v : v);
            }
        }
    }

    /** out (+)= alpha a. */
    public static void scaled(INDArray a, double alpha, INDArray out, boolean accumulate) {
        if (!loop(a, out)) {
            if (accumulate) {
                INDArray t = a.mul(alpha);
                out.addi(t);
                Buffers.release(t);
            } else {
                org.nd4j.linalg.factory.Nd4j.exec(new ScalarMultiplication(a, null, out, alpha));
            }
            return;
        }
        long pa = RawMemory.address(a), po = RawMemory.address(out), n = a.length();
        if (a.dataType() == DataType.FLOAT) {
            float f = (float) alpha;
            for (long i = 0; i < n; i++) {
                float v = RawMemory.getFloat(pa, i) * f;
                RawMemory.putFloat(po, i, accumulate ? RawMemory.getFloat(po, i) + v : v);
            }
        } else {
            for (long i = 0; i < n; i++) {
                double v = RawMemory.getDouble(pa, i) * alpha;
                RawMemory.putDouble(po, i, accumulate ? RawMemory.getDouble(po, i) + v : v);
            }
        }
    }

    /**
     * out = c (f - y), the gradient of a squared loss with curvature c; returns sum (f - y)^2 so
     * the loss value comes from the same pass.
     */
    public static double residual(INDArray f, INDArray y, double c, INDArray out) {
        if (!loop(f, y, out)) {
            org.nd4j.linalg.factory.Nd4j.exec(new SubOp(f, y, out));
            double sse = Blas.dot(out, out);
            out.muli(c);
            return sse;
        }
        long pf = RawMemory.address(f), py = RawMemory.address(y), po = RawMemory.address(out), n = f.length();
        double sse = 0;
        if (f.dataType() == DataType.FLOAT) {
            for (long i = 0; i < n; i++) {
                float r = RawMemory.getFloat(pf, i) - RawMemory.getFloat(py, i);
                sse += (double) r * r;
                RawMemory.putFloat(po, i, (float) (c * r));
            }
        } else {
            for (long i = 0; i < n; i++) {
                double r = RawMemory.getDouble(pf, i) - RawMemory.getDouble(py, i);
                sse += r * r;
                RawMemory.putDouble(po, i, c * r);
            }
        }
        return sse;
    }

    /** sum (f - y)^2 without a temporary. */
    public static double squaredDistance(INDArray f, INDArray y) {
        if (f.dataType() != y.dataType()) y = y.castTo(f.dataType());   // ND4J mixes types wrongly here
        if (!loop(f, y)) return f.squaredDistance(y);
        long pf = RawMemory.address(f), py = RawMemory.address(y), n = f.length();
        double sse = 0;
        if (f.dataType() == DataType.FLOAT) {
            for (long i = 0; i < n; i++) {
                double r = (double) RawMemory.getFloat(pf, i) - RawMemory.getFloat(py, i);
                sse += r * r;
            }
        } else {
            for (long i = 0; i < n; i++) {
                double r = RawMemory.getDouble(pf, i) - RawMemory.getDouble(py, i);
                sse += r * r;
            }
        }
        return sse;
    }

    /** out[j] = sum_i g[i, j] for an n x m matrix g and a length-m vector out (bias gradients). */
    public static void columnSums(INDArray g, INDArray out) {
        if (!loop(g, out) || g.rank() != 2 || out.length() != g.columns()) {
            INDArray s = g.sum(0);
            out.assign(s);
            Buffers.release(s);
            return;
        }
        long pg = RawMemory.address(g), po = RawMemory.address(out);
        long rows = g.rows(), cols = g.columns();
        boolean f32 = g.dataType() == DataType.FLOAT;
        for (long j = 0; j < cols; j++) {
            if (f32) RawMemory.putFloat(po, j, 0f); else RawMemory.putDouble(po, j, 0.0);
        }
        for (long i = 0; i < rows; i++) {
            long row = i * cols;
            for (long j = 0; j < cols; j++) {
                if (f32) RawMemory.putFloat(po, j, RawMemory.getFloat(po, j) + RawMemory.getFloat(pg, row + j));
                else RawMemory.putDouble(po, j, RawMemory.getDouble(po, j) + RawMemory.getDouble(pg, row + j));
            }
        }
    }

    /** z[i, j] += row[j] for an n x m matrix z and a length-m vector (adding biases). */
    public static void addRow(INDArray z, INDArray row) {
        if (!loop(z) || !RawMemory.usable(row) || row.dataType() != z.dataType() || z.rank() != 2
                || row.length() != z.columns()) {
            z.addiRowVector(row);
            return;
        }
        long pz = RawMemory.address(z), pr = RawMemory.address(row);
        long rows = z.rows(), cols = z.columns();
        boolean f32 = z.dataType() == DataType.FLOAT;
        for (long i = 0; i < rows; i++) {
            long at = i * cols;
            for (long j = 0; j < cols; j++) {
                if (f32) RawMemory.putFloat(pz, at + j, RawMemory.getFloat(pz, at + j) + RawMemory.getFloat(pr, j));
                else RawMemory.putDouble(pz, at + j, RawMemory.getDouble(pz, at + j) + RawMemory.getDouble(pr, j));
            }
        }
    }

    /** dst = src for two arrays of one length and dtype (a memory copy on the direct path). */
    public static void copy(INDArray src, INDArray dst) {
        if (EngineMode.generic() || !RawMemory.usable(src) || !RawMemory.usable(dst) || src.dataType() != dst.dataType()
                || src.length() != dst.length()) {
            dst.assign(src.reshape(dst.shape()));
            return;
        }
        RawMemory.copy(RawMemory.address(src), RawMemory.address(dst), src.length() * src.dataType().width());
    }

    /**
     * Rows {@code rows[0..count)} of src (n x r, c order) into the first count rows of dst
     * (count x r): a mini-batch gather into a buffer reused every step.
     */
    public static void gatherRows(INDArray src, int[] rows, int count, INDArray dst) {
        long r = src.length() / src.size(0);
        if (EngineMode.generic() || !RawMemory.usable(src) || !RawMemory.usable(dst) || src.dataType() != dst.dataType()) {
            int[] picked = java.util.Arrays.copyOf(rows, count);
            INDArray flat = src.reshape('c', src.size(0), r);
            org.nd4j.linalg.factory.Nd4j.pullRows(flat, dst.reshape('c', count, r), 1, picked);
            return;
        }
        long width = src.dataType().width();
        long from = RawMemory.address(src), to = RawMemory.address(dst), bytes = r * width;
        for (int i = 0; i < count; i++) RawMemory.copy(from + rows[i] * bytes, to + i * bytes, bytes);
    }

    /** Whether an array of x's kind and size takes the Java loop (else a native op). */
    static boolean loops(INDArray x) { return loop(x); }

    /** Whether the arrays take the Java loop: direct mode, one usable dtype and length, small enough. */
    private static boolean loop(INDArray... xs) {
        if (EngineMode.generic()) return false;
        INDArray first = xs[0];
        if (first.length() > LOOP_LIMIT) return false;
        for (INDArray x : xs) {
            if (!RawMemory.usable(x) || x.dataType() != first.dataType() || x.length() != first.length()) return false;
        }
        return true;
    }
}
