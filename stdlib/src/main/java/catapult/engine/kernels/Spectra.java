package catapult.engine.kernels;

import catapult.engine.PhaseClock;
import catapult.engine.PhaseClock.Phase;
import catapult.engine.SeededDraws;
import catapult.engine.autodiff.Blas;
import catapult.engine.autodiff.Buffers;
import catapult.lang.builtins.Cancellation;
import catapult.numerics.Precision;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.eigen.Eigen;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Top eigenvalues and eigenvectors of symmetric matrices and operators: dense LAPACK for
 * kernels that fit, Lanczos for large kernels and for operators known only by products (NTK- and
 * Hessian-vector products), power iteration for the PyTorch-peer protocol. Exists so that
 * {@code eigs}, critical learning rates and training trackers share one eigen-solver.
 *
 * <p>All results are descending; eigenvectors are unit-norm columns in the input's dtype.
 */
public final class Spectra {

    /** Above this size a dense matrix is handed to Lanczos instead of a full O(n^3) solve. */
    static final long DENSE_LIMIT = 2048;

    private Spectra() {
    }

    /** The k largest eigenvalues of a symmetric matrix, descending. */
    public static double[] topEigenvalues(INDArray symmetric, int k) {
        return topEigs(symmetric, k).values();
    }

    /** The eigenvectors of the k largest eigenvalues: n x k, column i matches value i. */
    public static INDArray topEigenvectors(INDArray symmetric, int k) {
        return topEigs(symmetric, k).vectors();
    }

    /** The k largest eigenpairs of a symmetric matrix. */
    public static Eigs topEigs(INDArray symmetric, int k) {
        try (PhaseClock.Scope phase = PhaseClock.enter(Phase.KERNEL)) {
            long n = checkSymmetricShape(symmetric);
            checkK(k, n);
            if (n > DENSE_LIMIT && k <= 64) {
                LinearOperator op = v -> symmetric.mmul(v.reshape(n, 1)).reshape(n);
                return lanczosEigs(op, n, k, 0, null, symmetric.dataType());
            }
            return DenseEigen.top(symmetric, k);
        }
    }

    /** The k largest eigenvalues of a symmetric operator on R^dim by Lanczos, descending. */
    public static double[] lanczos(LinearOperator op, long dim, int k, long seed) {
        return lanczosEigs(op, dim, k, seed, null).values();
    }

    /**
     * Warm-startable Lanczos: the k largest eigenpairs, starting the Krylov space at
     * {@code start} (e.g. {@link Eigs#warmStart()} of the previous training step; null for a
     * seeded random start). A good start cuts the number of operator products several-fold.
     * The Krylov basis uses the start's dtype (the default floating type without a start).
     */
    public static Eigs lanczosEigs(LinearOperator op, long dim, int k, long seed, INDArray start) {
        return lanczosEigs(op, dim, k, seed, start, dtypeOf(start));
    }

    /** As {@link #lanczosEigs(LinearOperator, long, int, long, INDArray)} with an explicit basis dtype. */
    public static Eigs lanczosEigs(LinearOperator op, long dim, int k, long seed, INDArray start,
                                   DataType dtype) {
        try (PhaseClock.Scope phase = PhaseClock.enter(Phase.KERNEL)) {
            return new Lanczos(op, dim, seed).extreme(k, Lanczos.Which.LARGEST, start, dtype,
                    Lanczos.defaultTolerance(dtype));
        }
    }

    /** The k smallest (algebraic) eigenpairs, ascending. */
    public static Eigs lanczosSmallest(LinearOperator op, long dim, int k, long seed, DataType dtype) {
        return new Lanczos(op, dim, seed).extreme(k, Lanczos.Which.SMALLEST, null, dtype,
                Lanczos.defaultTolerance(dtype));
    }

    /**
     * The spectral norm max |lambda| of a symmetric (possibly indefinite) operator by one Lanczos
     * run, which sees both ends of the spectrum at once; {@code tol} is the relative residual
     * at which it stops (the norm's relative error is at most about tol).
     */
    public static double spectralNorm(LinearOperator op, long dim, long seed, DataType dtype, double tol) {
        Eigs e = new Lanczos(op, dim, seed).extreme(1, Lanczos.Which.LARGEST_MAGNITUDE, null, dtype, tol);
        return Math.abs(e.top());
    }

    /**
     * Plain power iteration, exactly the PyTorch peer's protocol: q = start/|start|; then
     * {@code iterations} times w = A q, lambda = q.w, q = w/|w|. Returns the last lambda (the
     * Rayleigh quotient, so the signed dominant eigenvalue once converged).
     */
    public static double powerIteration(LinearOperator op, INDArray start, int iterations) {
        try (PhaseClock.Scope phase = PhaseClock.enter(Phase.KERNEL)) {
            if (iterations < 1) {
                throw new IllegalArgumentException("powerIteration: iterations must be >= 1, got " + iterations);
            }
            // two buffers taken in turn: the products write into the one not holding q
            INDArray q = start.reshape(start.length()).dup();
            INDArray w = q.ulike();
            Blas.scal(1.0 / Math.sqrt(Blas.dot(q, q)), q);
            double lambda = Double.NaN;
            for (int i = 0; i < iterations; i++) {
                Cancellation.poll();
                op.applyInto(q, w);
                lambda = Blas.dot(q, w);
                Blas.scal(1.0 / Math.sqrt(Blas.dot(w, w)), w);
                INDArray swap = q;
                q = w;
                w = swap;
            }
            Buffers.release(q, w);
            return lambda;
        }
    }

    /**
     * Power iteration from a seeded random start until the Rayleigh quotient changes by less
     * than {@code tol} (relative) or {@code maxIterations} is reached.
     */
    public static double powerIteration(LinearOperator op, long dim, long seed, int maxIterations, double tol) {
        INDArray q = SeededDraws.normal(seed, dtypeOf(null), dim);
        q.divi(q.norm2Number());
        double lambda = Double.NaN;
        for (int i = 0; i < maxIterations; i++) {
            Cancellation.poll();
            INDArray w = op.apply(q).reshape(dim);
            double next = Nd4j.getBlasWrapper().dot(q, w);
            q = w.divi(w.norm2Number());
            if (Math.abs(next - lambda) <= tol * Math.abs(next)) {
                return next;
            }
            lambda = next;
        }
        return lambda;
    }

    /** The Krylov basis dtype: the start vector's, else the default floating type. */
    private static DataType dtypeOf(INDArray start) {
        return start != null ? start.dataType() : Precision.dtype();
    }

    static long checkSymmetricShape(INDArray a) {
        if (a.rank() != 2 || a.size(0) != a.size(1)) {
            throw new IllegalArgumentException("eigenvalues need a square matrix, got shape "
                    + java.util.Arrays.toString(a.shape()));
        }
        return a.size(0);
    }

    static void checkK(int k, long n) {
        if (k > n) {
            throw new IllegalArgumentException("asked for " + k + " eigenvalues of a " + n + " x " + n + " matrix");
        }
    }
}
