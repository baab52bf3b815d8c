package catapult.engine.autodiff;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_daxpy;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_dgemm;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_ddot;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_dgemv;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_dger;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_saxpy;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_sgemm;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_sdot;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_sgemv;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_sger;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_sscal;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_scopy;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_dcopy;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_dscal;

/**
 * Matrix products for the engine's hot paths, called straight into OpenBLAS (the library
 * nd4j-native itself ships; float32 matrix products through oneDNN where it is available, see
 * {@link OneDnnGemm}) when the operands are plain strided float/double matrices.
 * Exists because, measured on the benchmark's FCN2 shapes, {@code Nd4j.gemm} adds ~15 us of
 * op set-up per call and routes matrix-vector products (n x 1024 times 1024 x 1) and outer
 * products (inner size 1) through a general gemm that is 10-15x slower than gemv or a broadcast
 * multiply. Anything else (views with odd strides, other dtypes), and everything in the generic
 * mode of {@link EngineMode}, goes through {@code Nd4j.gemm} and ND4J ops.
 */
public final class Blas {
    private Blas() {}

    /**
     * C = alpha op(A) op(B) + beta C, as {@code Nd4j.gemm(a, b, c, transA, transB, alpha, beta)};
     * returns c.
     */
    public static INDArray gemm(INDArray a, INDArray b, INDArray c, boolean transA, boolean transB,
                                double alpha, double beta) {
        if (!direct(a, b, c)) return Nd4j.gemm(a, b, c, transA, transB, alpha, beta);
        Mat ma = Mat.of(a, transA);
        Mat mb = Mat.of(b, transB);
        Mat mc = Mat.of(c, false);
        if (ma == null || mb == null || mc == null || ma.rows != mc.rows || mb.cols != mc.cols || ma.cols != mb.rows) {
            return Nd4j.gemm(a, b, c, transA, transB, alpha, beta);
        }
        if (ma.cols == 1 && beta == 0.0 && mc.rowMajor && mc.contiguous() && c.ordering() == 'c') {
            outer(ma, mb, mc, alpha);
        } else if (ma.cols == 1 && beta == 1.0 && mc.rowMajor) {
            ger(ma, mb, mc, alpha);
        } else if (!mc.rowMajor) {
            // C' = B' A' in row-major terms: swap the operands and flip their transposes
            run(mb.transposed(), ma.transposed(), mc.transposed(), alpha, beta);
        } else {
            run(ma, mb, mc, alpha, beta);
        }
        return c;
    }

    /** p += alpha * g for two contiguous vectors of equal length (the in-place GD update). */
    public static void axpy(double alpha, INDArray g, INDArray p) {
        if (!direct(g, p, p) || g.length() != p.length() || !unitStride(g) || !unitStride(p)) {
            INDArray scaled = g.reshape(p.shape()).mul(alpha);
            p.addi(scaled);
            Buffers.release(scaled);
            return;
        }
        int n = Math.toIntExact(p.length());
        if (p.dataType() == DataType.FLOAT) {
            cblas_saxpy(n, (float) alpha, (FloatPointer) ptr(g), 1, (FloatPointer) ptr(p), 1);
        } else {
            cblas_daxpy(n, alpha, (DoublePointer) ptr(g), 1, (DoublePointer) ptr(p), 1);
        }
    }

    /** y = x for two contiguous vectors of equal length. */
    public static void copy(INDArray x, INDArray y) {
        if (!direct(x, y, y) || x.length() != y.length() || !unitStride(x) || !unitStride(y)) {
            y.assign(x.reshape(y.shape()));
            return;
        }
        int n = Math.toIntExact(x.length());
        if (x.dataType() == DataType.FLOAT) cblas_scopy(n, (FloatPointer) ptr(x), 1, (FloatPointer) ptr(y), 1);
        else cblas_dcopy(n, (DoublePointer) ptr(x), 1, (DoublePointer) ptr(y), 1);
    }

    /** x *= alpha for a contiguous vector (in place). */
    public static void scal(double alpha, INDArray x) {
        if (!direct(x, x, x) || !unitStride(x)) {
            x.muli(alpha);
            return;
        }
        int n = Math.toIntExact(x.length());
        if (x.dataType() == DataType.FLOAT) cblas_sscal(n, (float) alpha, (FloatPointer) ptr(x), 1);
        else cblas_dscal(n, alpha, (DoublePointer) ptr(x), 1);
    }

    /**
     * The dot product of two vectors of equal length, with no temporary (a plain
     * {@code x.mul(y).sumNumber()} allocates and takes two native ops).
     */
    public static double dot(INDArray x, INDArray y) {
        if (!direct(x, y, y) || x.length() != y.length() || !unitStride(x) || !unitStride(y)) {
            INDArray prod = x.reshape(x.length()).mul(y.reshape(y.length()));
            double s = prod.sumNumber().doubleValue();
            prod.close();
            return s;
        }
        int n = Math.toIntExact(x.length());
        if (x.dataType() == DataType.FLOAT) return cblas_sdot(n, (FloatPointer) ptr(x), 1, (FloatPointer) ptr(y), 1);
        return cblas_ddot(n, (DoublePointer) ptr(x), 1, (DoublePointer) ptr(y), 1);
    }

    /** C += alpha a b' (a column, b a row): one rank-1 update instead of a K=1 gemm. */
    private static void ger(Mat a, Mat b, Mat c, double alpha) {
        if (c.array.dataType() == DataType.FLOAT) {
            cblas_sger(CblasRowMajor, c.rows, c.cols, (float) alpha, (FloatPointer) a.ptr(), a.vectorStride(),
                    (FloatPointer) b.ptr(), b.vectorStride(), (FloatPointer) c.ptr(), c.ld);
        } else {
            cblas_dger(CblasRowMajor, c.rows, c.cols, alpha, (DoublePointer) a.ptr(), a.vectorStride(),
                    (DoublePointer) b.ptr(), b.vectorStride(), (DoublePointer) c.ptr(), c.ld);
        }
    }

    /** C (rows x cols, row-major) = alpha A B (+ beta C) for one operand pair in row-major view. */
    private static void run(Mat a, Mat b, Mat c, double alpha, double beta) {
        if (c.cols == 1) {
            gemv(a, b.vectorStride(), b, c, c.vectorStride(), alpha, beta);
        } else if (c.rows == 1) {
            gemv(b.transposed(), a.vectorStride(), a, c, c.vectorStride(), alpha, beta);
        } else {
            int ta = a.trans ? CblasTrans : CblasNoTrans;
            int tb = b.trans ? CblasTrans : CblasNoTrans;
            if (c.array.dataType() == DataType.FLOAT && OneDnnGemm.available()) {
                OneDnnGemm.sgemm(a.trans, b.trans, c.rows, c.cols, a.cols, (float) alpha, (FloatPointer) a.ptr(), a.ld,
                        (FloatPointer) b.ptr(), b.ld, (float) beta, (FloatPointer) c.ptr(), c.ld);
            } else if (c.array.dataType() == DataType.FLOAT) {
                cblas_sgemm(CblasRowMajor, ta, tb, c.rows, c.cols, a.cols, (float) alpha, (FloatPointer) a.ptr(),
                        a.ld, (FloatPointer) b.ptr(), b.ld, (float) beta, (FloatPointer) c.ptr(), c.ld);
            } else {
                cblas_dgemm(CblasRowMajor, ta, tb, c.rows, c.cols, a.cols, alpha, (DoublePointer) a.ptr(),
                        a.ld, (DoublePointer) b.ptr(), b.ld, beta, (DoublePointer) c.ptr(), c.ld);
            }
        }
    }

    /** c = alpha A x + beta c with x, c vectors (strides incX, incC). */
    private static void gemv(Mat a, int incX, Mat x, Mat c, int incC, double alpha, double beta) {
        int t = a.trans ? CblasTrans : CblasNoTrans;
        int rows = a.trans ? a.cols : a.rows;   // of the stored matrix
        int cols = a.trans ? a.rows : a.cols;
        if (c.array.dataType() == DataType.FLOAT) {
            cblas_sgemv(CblasRowMajor, t, rows, cols, (float) alpha, (FloatPointer) a.ptr(), a.ld,
                    (FloatPointer) x.ptr(), incX, (float) beta, (FloatPointer) c.ptr(), incC);
        } else {
            cblas_dgemv(CblasRowMajor, t, rows, cols, alpha, (DoublePointer) a.ptr(), a.ld,
                    (DoublePointer) x.ptr(), incX, beta, (DoublePointer) c.ptr(), incC);
        }
    }

    /**
     * c = alpha a b' for a column a and a row b (c contiguous, row-major): a Java loop for small
     * products, else zero-fill plus one rank-1 update (no gemm with inner size 1, no temporary).
     */
    private static void outer(Mat a, Mat b, Mat c, double alpha) {
        if ((long) c.rows * c.cols <= Fused.LOOP_LIMIT) {
            OuterProducts.outer(ptr(a.array), a.vectorStride(), ptr(b.array), b.vectorStride(), ptr(c.array),
                    c.rows, c.cols, alpha, c.array.dataType());
            return;
        }
        Pointer pc = ptr(c.array);
        Pointer.memset(pc, 0, (long) c.rows * c.cols * c.array.dataType().width());
        ger(a, b, c, alpha);
    }

    private static boolean direct(INDArray a, INDArray b, INDArray c) {
        if (EngineMode.generic()) return false;
        DataType t = c.dataType();
        return (t == DataType.FLOAT || t == DataType.DOUBLE) && a.dataType() == t && b.dataType() == t
                && a.rank() <= 2 && b.rank() <= 2 && c.rank() <= 2 && !a.isEmpty() && !b.isEmpty() && !c.isEmpty();
    }

    private static boolean unitStride(INDArray v) {
        return v.length() == 1 || v.elementWiseStride() == 1;
    }

    /** The address of x's first element, typed for cblas. */
    private static Pointer ptr(INDArray x) {
        return RawMemory.pointer(x);
    }

    /**
     * A 2-D operand seen as a row-major matrix, possibly transposed: rows x cols is the shape
     * after op(), ld the leading dimension of the stored row-major matrix.
     */
    private static final class Mat {
        final INDArray array;
        final int rows;
        final int cols;
        final boolean trans;
        final int ld;
        final boolean rowMajor;   // only meaningful for outputs

        private Mat(INDArray array, int rows, int cols, boolean trans, int ld, boolean rowMajor) {
            this.array = array;
            this.rows = rows;
            this.cols = cols;
            this.trans = trans;
            this.ld = ld;
            this.rowMajor = rowMajor;
        }

        /** null when the strides are not those of a (row- or column-major) BLAS matrix. */
        static Mat of(INDArray x, boolean transposed) {
            long r = x.rank() == 2 ? x.size(0) : 1;
            long k = x.rank() == 2 ? x.size(1) : x.length();
            long s0 = x.rank() == 2 ? x.stride(0) : k * x.stride(0);
            long s1 = x.rank() == 2 ? x.stride(1) : x.stride(0);
            if (r > Integer.MAX_VALUE || k > Integer.MAX_VALUE) return null;
            boolean rm = (k == 1 || s1 == 1) && (r == 1 || s0 >= k);
            boolean cm = (r == 1 || s0 == 1) && (k == 1 || s1 >= r);
            int rows = (int) (transposed ? k : r);
            int cols = (int) (transposed ? r : k);
            if (rm) {
                int ld = (int) Math.max(r == 1 ? k : s0, Math.max(1, k));
                return new Mat(x, rows, cols, transposed, ld, true);
            }
            if (cm) {
                int ld = (int) Math.max(k == 1 ? r : s1, Math.max(1, r));
                return new Mat(x, rows, cols, !transposed, ld, false);
            }
            return null;
        }

        /** The same memory read as the transpose (for the C' = B' A' trick). */
        Mat transposed() {
            return new Mat(array, cols, rows, !trans, ld, !rowMajor);
        }

        Pointer ptr() { return Blas.ptr(array); }

        boolean vectorLike() { return rows == 1 || cols == 1; }

        boolean contiguous() {
            return array.length() == (long) rows * cols && (rows == 1 || cols == 1 || ld == (trans ? rows : cols));
        }

        /** Element stride of a vector operand. */
        int vectorStride() {
            if (array.length() == 1) return 1;
            long s = array.rank() == 1 ? array.stride(0)
                    : array.size(0) == 1 ? array.stride(1) : array.stride(0);
            return (int) s;
        }
    }
}
