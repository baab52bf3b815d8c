package catapult.engine.kernels;

import catapult.engine.SeededDraws;
import catapult.lang.builtins.Cancellation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.eigen.Eigen;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Lanczos iteration with full reorthogonalization for the extreme eigenvalues of a symmetric
 * operator known only through products. Exists because NTK and loss-Hessian operators are
 * too large (or too expensive) to form, while their top eigenvalues are needed at every
 * tracked training step.
 *
 * <p>The Krylov basis is kept in the operator's dtype as rows of one matrix so that
 * reorthogonalization is two matrix-vector products. The basis is capped by a memory budget;
 * when the cap is reached the iteration restarts from the current Ritz vectors (explicit
 * restart), which keeps memory O(budget) even for millions of parameters. On breakdown (an
 * invariant subspace, e.g. repeated eigenvalues) it continues with a fresh random direction
 * orthogonal to the basis, so multiplicities are found.
 */
final class Lanczos {

    /** Bytes the Krylov basis may use before the iteration restarts. */
    static final long BASIS_BUDGET_BYTES = 256L << 20;
    private static final int MAX_RESTARTS = 20;

    private final LinearOperator op;
    private final long dim;
    private final long seed;
    private int applications;

    Lanczos(LinearOperator op, long dim, long seed) {
        if (dim < 1) {
            throw new IllegalArgumentException("the Lanczos iteration needs a positive dimension, got " + dim);
        }
        this.op = op;
        this.dim = dim;
        this.seed = seed;
    }

    /** Which end of the spectrum is wanted. */
    enum Which { LARGEST, SMALLEST, LARGEST_MAGNITUDE }

    /** Relative residual at which a Ritz pair counts as converged, by basis dtype. */
    static double defaultTolerance(DataType dtype) {
        return dtype == DataType.DOUBLE ? 1e-10 : 1e-6;
    }

    /**
     * Extreme eigenpairs.
     *
     * @param k     how many
     * @param which the algebraically largest (descending), smallest (ascending), or largest |lambda|
     * @param start start vector (1-D, length dim) or null for a seeded random one
     * @param tol   converged when |beta_m s_mi| <= tol * |theta|_max for each wanted Ritz pair
     */
    Eigs extreme(int k, Which which, INDArray start, DataType dtype, double tol) {
        checkK(k);
        INDArray q = start == null ? random(dtype, 0) : start.reshape(dim).castTo(dtype).dup();
        int maxBasis = basisCap(k, dtype);
        Eigs best = null;
        for (int restart = 0; restart <= MAX_RESTARTS; restart++) {
            Run run = new Run(maxBasis, dtype, restart, tol);
            best = run.iterate(q, k, which);
            if (run.converged) {
                break;
            }
            q = best.warmStart();
        }
        return new Eigs(best.values(), best.vectors(), applications);
    }

    private int basisCap(int k, DataType dtype) {
        long perVector = dim * dtype.width();
        long cap = Math.max(BASIS_BUDGET_BYTES / perVector, 2L * k + 2);
        return (int) Math.min(Math.min(cap, dim), 400);
    }

    private void checkK(int k) {
        if (k < 1 || k > dim) {
            throw new IllegalArgumentException("the Lanczos iteration gives 1.." + dim + " eigenvalues here, asked for " + k);
        }
    }

    private INDArray random(DataType dtype, int salt) {
        return SeededDraws.normal(seed * 1_000_003L + salt, dtype, dim);
    }

    /** One Lanczos run with at most maxBasis vectors. */
    private final class Run {
        private final int maxBasis;
        private INDArray basis;   // rows 0..j hold the Krylov vectors; grows by doubling up to maxBasis
        private final double[] alpha;
        private final double[] beta;
        private final DataType dtype;
        private final int salt;
        private final double tol;
        boolean converged;

        Run(int maxBasis, DataType dtype, int salt, double tol) {
            this.maxBasis = maxBasis;
            this.basis = Nd4j.create(dtype, Math.min(maxBasis, 32), dim);
            this.alpha = new double[maxBasis];
            this.beta = new double[maxBasis];
            this.dtype = dtype;
            this.salt = salt;
            this.tol = tol;
        }

        Eigs iterate(INDArray start, int k, Which which) {
            int m = maxBasis;
            setRow(0, normalized(start));
            int earliestStop = 0;   // after a breakdown, give the fresh block time to grow
            for (int j = 0; j < m; j++) {
                Cancellation.poll();
                INDArray w = step(j);
                boolean breakdown = beta[j] <= 1e-12 * Math.max(1.0, Math.abs(alpha[j]));
                if (breakdown) {
                    beta[j] = 0;
                    w = j + 1 < m ? freshDirection(j + 1) : null;
                    earliestStop = j + 1 + 2 * k + 10;
                }
                boolean exhausted = j + 1 == m || (breakdown && w == null);
                if (j + 1 >= k && (exhausted || (j >= earliestStop && shouldCheck(j)))) {
                    Eigs ritz = ritz(j + 1, k, which);
                    converged |= breakdown && w == null;
                    if (converged || exhausted) {
                        return ritz;
                    }
                }
                if (!breakdown) {
                    w.divi(beta[j]);
                }
                setRow(j + 1, w);
            }
            throw new IllegalStateException("the Lanczos loop ended without returning (it returns at its last step)");
        }

        /** One three-term step: w = A q_j made orthogonal to the basis; fills alpha_j, beta_j. */
        private INDArray step(int j) {
            INDArray qj = basis.getRow(j);
            INDArray w = op.apply(qj).reshape(dim).castTo(dtype);
            applications++;
            alpha[j] = Nd4j.getBlasWrapper().dot(w, qj);
            reorthogonalize(w, j + 1);
            beta[j] = w.norm2Number().doubleValue();
            return w;
        }

        private boolean shouldCheck(int j) {
            return j < 20 || j % 5 == 4;
        }

        private void reorthogonalize(INDArray w, int rows) {
            INDArray q = basis.get(NDArrayIndex.interval(0, rows), NDArrayIndex.all());
            for (int pass = 0; pass < 2; pass++) {   // twice is enough (Kahan-Parlett)
                INDArray coeff = q.mmul(w.reshape(dim, 1));
                w.subi(q.transpose().mmul(coeff).reshape(dim));
            }
        }

        private INDArray freshDirection(int rows) {
            if (rows >= dim) {
                return null;
            }
            INDArray w = random(dtype, 7919 * (rows + 1) + salt);
            reorthogonalize(w, rows);
            double norm = w.norm2Number().doubleValue();
            return norm < 1e-8 ? null : w.divi(norm);
        }

        private void setRow(int j, INDArray v) {
            if (j >= basis.size(0)) {   // a zeroed full-size basis would cost more than the iteration
                INDArray grown = Nd4j.create(dtype, Math.min(maxBasis, 2 * basis.size(0)), dim);
                grown.get(NDArrayIndex.interval(0, j), NDArrayIndex.all()).assign(
                        basis.get(NDArrayIndex.interval(0, j), NDArrayIndex.all()));
                basis.close();
                basis = grown;
            }
            basis.putRow(j, v);
        }

        /** Ritz pairs from the j x j tridiagonal matrix, with the residual test. */
        private Eigs ritz(int j, int k, Which which) {
            INDArray t = Nd4j.create(DataType.DOUBLE, j, j);
            for (int i = 0; i < j; i++) {
                t.putScalar(i, i, alpha[i]);
                if (i + 1 < j) {
                    t.putScalar(i, i + 1, beta[i]);
                    t.putScalar(i + 1, i, beta[i]);
                }
            }
            INDArray theta = Eigen.symmetricGeneralizedEigenvalues(t, true);   // ascending; t <- S (j is small)
            int[] order = order(theta, k, which);
            double[] values = new double[k];
            INDArray s = Nd4j.create(DataType.DOUBLE, j, k);
            double scale = Math.max(Math.abs(theta.getDouble(0)), Math.abs(theta.getDouble(j - 1)));
            boolean allConverged = true;
            for (int c = 0; c < k; c++) {
                values[c] = theta.getDouble(order[c]);
                INDArray col = t.getColumn(order[c]);
                s.putColumn(c, col);
                double residual = Math.abs(beta[j - 1] * col.getDouble(j - 1));
                allConverged &= residual <= tol * Math.max(scale, 1e-300) || beta[j - 1] == 0;
            }
            converged = allConverged;
            INDArray q = basis.get(NDArrayIndex.interval(0, j), NDArrayIndex.all());
            INDArray vectors = q.transpose().mmul(s.castTo(dtype));
            return new Eigs(values, vectors, applications);
        }

        /** Indices into the ascending Ritz values theta of the k wanted ones, in reporting order. */
        private int[] order(INDArray theta, int k, Which which) {
            int[] idx = new int[k];
            int lo = 0;
            int hi = (int) theta.length() - 1;
            for (int c = 0; c < k; c++) {
                boolean takeTop = which == Which.LARGEST || (which == Which.LARGEST_MAGNITUDE
                        && Math.abs(theta.getDouble(hi)) >= Math.abs(theta.getDouble(lo)));
                idx[c] = takeTop ? hi-- : lo++;
            }
            return idx;
        }

        private INDArray normalized(INDArray v) {
            double norm = v.norm2Number().doubleValue();
            if (!(norm > 0) || !Double.isFinite(norm)) {
                throw new IllegalArgumentException("the Lanczos start vector must be finite and nonzero");
            }
            return v.div(norm);
        }
    }
}
