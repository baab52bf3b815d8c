package catapult.engine.autodiff;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The engine's loops over outer products: a small outer product written directly (cheaper than
 * a gemm with inner size 1), and a cotangent of one or two outer products taken through an
 * activation's backward step in one pass (the readout's backward step of a network), so the
 * n x width product is never written and read back.
 */
final class OuterProducts {
    private OuterProducts() {}

    /** c[i, j] = alpha a[i] b[j] into a contiguous row-major rows x cols block (strided vectors a, b). */
    static void outer(org.bytedeco.javacpp.Pointer a, int incA, org.bytedeco.javacpp.Pointer b, int incB,
                      org.bytedeco.javacpp.Pointer c, int rows, int cols, double alpha, DataType type) {
        long pa = RawMemory.address(a), pb = RawMemory.address(b), pc = RawMemory.address(c);
        for (long i = 0; i < rows; i++) {
            long row = i * cols;
            if (type == DataType.FLOAT) {
                float ai = (float) (alpha * RawMemory.getFloat(pa, i * incA));
                for (long j = 0; j < cols; j++) RawMemory.putFloat(pc, row + j, ai * RawMemory.getFloat(pb, j * incB));
            } else {
                double ai = alpha * RawMemory.getDouble(pa, i * incA);
                for (long j = 0; j < cols; j++) RawMemory.putDouble(pc, row + j, ai * RawMemory.getDouble(pb, j * incB));
            }
        }
    }

    /** Whether {@link #throughActivation} runs on these arrays (direct mode, contiguous, one dtype). */
    static boolean usable(INDArray[] columns, INDArray[] rows, INDArray like) {
        if (EngineMode.generic() || like.rank() != 2) return false;
        for (int t = 0; t < columns.length; t++) {
            INDArray c = columns[t], r = rows[t];
            if (!RawMemory.usable(c) || !RawMemory.usable(r) || c.dataType() != like.dataType()
                    || r.dataType() != like.dataType() || c.length() != like.rows() || r.length() != like.columns()) {
                return false;
            }
        }
        return RawMemory.usable(like) && columns.length <= 2;
    }

    /**
     * out[i, j] (+)= (sum_t alpha_t column_t[i] row_t[j]) f[i, j] for one or two terms, where f is
     * 1[z > 0] when {@code signOf} (the relu backward step, z the pre-activation) and the array
     * itself otherwise (sigma'): a cotangent of outer products through an activation in one pass,
     * without forming the products.
     */
    static void throughActivation(INDArray[] columns, INDArray[] rows, double[] alphas, INDArray f, boolean signOf,
                             INDArray out, boolean accumulate) {
        boolean two = columns.length == 2;
        long pc0 = RawMemory.address(columns[0]), pr0 = RawMemory.address(rows[0]);
        long pc1 = two ? RawMemory.address(columns[1]) : pc0, pr1 = two ? RawMemory.address(rows[1]) : pr0;
        long pf = RawMemory.address(f), po = RawMemory.address(out);
        long n = f.rows(), m = f.columns();
        if (f.dataType() == DataType.FLOAT) {
            for (long i = 0; i < n; i++) {
                float c0 = (float) (alphas[0] * RawMemory.getFloat(pc0, i));
                float c1 = two ? (float) (alphas[1] * RawMemory.getFloat(pc1, i)) : 0f;
                long at = i * m;
                for (long j = 0; j < m; j++) {
                    float x = RawMemory.getFloat(pf, at + j);
                    int bits = Float.floatToRawIntBits(x);
                    float k = signOf ? (float) ((-bits & ~bits) >>> 31) : x;
                    float g = c0 * RawMemory.getFloat(pr0, j);
                    if (two) g += c1 * RawMemory.getFloat(pr1, j);
                    float v = g * k;
                    RawMemory.putFloat(po, at + j, accumulate ? RawMemory.getFloat(po, at + j) + v : v);
                }
            }
        } else {
            for (long i = 0; i < n; i++) {
                double c0 = alphas[0] * RawMemory.getDouble(pc0, i);
                double c1 = two ? alphas[1] * RawMemory.getDouble(pc1, i) : 0.0;
                long at = i * m;
                for (long j = 0; j < m; j++) {
                    double x = RawMemory.getDouble(pf, at + j);
                    long bits = Double.doubleToRawLongBits(x);
                    double k = signOf ? (double) ((-bits & ~bits) >>> 63) : x;
                    double g = c0 * RawMemory.getDouble(pr0, j);
                    if (two) g += c1 * RawMemory.getDouble(pr1, j);
                    double v = g * k;
                    RawMemory.putDouble(po, at + j, accumulate ? RawMemory.getDouble(po, at + j) + v : v);
                }
            }
        }
    }

}
