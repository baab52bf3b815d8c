package catapult.engine.models;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * The matrix Sigma of the general quadratic model g(w; x) = w'phi(x) + gamma/2 w'Sigma(x) w
 * (thesis Eq. 3.3): fixed (a +-1 diagonal, the identity, a p x p matrix) or a function of x.
 * Only its symmetric part matters, so every product below uses (Sigma + Sigma')/2.
 */
abstract class Sigma {

    /** Per-example w' Sigma_i w, n x 1. */
    abstract INDArray quad(INDArray w, Object state, int n);

    /** Per-example rows (Sigma_sym,i w)', n x p. */
    abstract INDArray rows(INDArray w, Object state, int n);

    /** sum_i c_i Sigma_sym,i v, length p. */
    abstract INDArray contract(INDArray c, INDArray v, Object state);

    /** What depends on x (the per-example matrices for a function Sigma, else null). */
    Object prepare(INDArray x, int p) { return null; }

    /** A random diagonal of +-1 signs drawn with the seed. */
    static Sigma signs(int p, long seed, DataType dtype) { return new Diagonal(signVector(p, seed, dtype)); }

    /** p random signs; the stream is seed ^ 0x5DEECE66D so it differs from w0's. */
    static INDArray signVector(int p, long seed, DataType dtype) {
        SplittableRandom rng = new SplittableRandom(seed ^ 0x5DEECE66DL);
        double[] s = new double[p];
        for (int i = 0; i < p; i++) s[i] = rng.nextBoolean() ? 1.0 : -1.0;
        return Nd4j.create(s, new long[]{p}, dtype);
    }

    static Sigma identity(int p, DataType dtype) { return new Diagonal(Nd4j.ones(dtype, p)); }

    static Sigma matrix(INDArray m, int p) {
        if (m.rank() != 2 || m.rows() != p || m.columns() != p) {
            throw new IllegalArgumentException("the quadratic model's sigma must be a " + p + " x " + p
                    + " tensor, got shape " + Arrays.toString(m.shape()));
        }
        INDArray sym = m.add(m.transpose()).muli(0.5);
        INDArray diag = Nd4j.diag(sym);
        if (Nd4j.diag(diag).equalsWithEps(sym, 0.0)) return new Diagonal(diag.reshape(p));
        return new Fixed(sym);
    }

    static Sigma function(Function<INDArray, INDArray> f) { return new OfX(f); }

    /** diag(s). */
    private static final class Diagonal extends Sigma {
        private final INDArray s;

        Diagonal(INDArray s) { this.s = s; }

        INDArray quad(INDArray w, Object st, int n) {
            double q = w.mul(w).muli(s).sumNumber().doubleValue();
            return Nd4j.valueArrayOf(new long[]{n, 1}, q, w.dataType());
        }

        INDArray rows(INDArray w, Object st, int n) {
            return Nd4j.ones(w.dataType(), n, 1).mmul(w.mul(s).reshape(1, w.length()));
        }

        INDArray contract(INDArray c, INDArray v, Object st) {
            return v.mul(s).muli(c.sumNumber().doubleValue());
        }
    }

    /** A fixed symmetric matrix. */
    private static final class Fixed extends Sigma {
        private final INDArray sym;

        Fixed(INDArray sym) { this.sym = sym; }

        INDArray quad(INDArray w, Object st, int n) {
            INDArray sw = sym.mmul(w.reshape(w.length(), 1));
            double q = sw.reshape(w.length()).mul(w).sumNumber().doubleValue();
            return Nd4j.valueArrayOf(new long[]{n, 1}, q, w.dataType());
        }

        INDArray rows(INDArray w, Object st, int n) {
            INDArray sw = sym.mmul(w.reshape(w.length(), 1)).reshape(1, w.length());
            return Nd4j.ones(w.dataType(), n, 1).mmul(sw);
        }

        INDArray contract(INDArray c, INDArray v, Object st) {
            return sym.mmul(v.reshape(v.length(), 1)).reshape(v.length()).muli(c.sumNumber().doubleValue());
        }
    }

    /** Sigma(x): the function returns n x p x p (one matrix per example). */
    private static final class OfX extends Sigma {
        private final Function<INDArray, INDArray> f;

        OfX(Function<INDArray, INDArray> f) { this.f = f; }

        @Override
        Object prepare(INDArray x, int p) {
            INDArray s = f.apply(x);
            long n = x.size(0);
            if (s == null || s.length() != n * p * p) {
                throw new IllegalArgumentException("the quadratic model's sigma(x) must return an n x " + p + " x " + p
                        + " tensor, got " + (s == null ? "none" : Arrays.toString(s.shape())));
            }
            INDArray m = s.reshape('c', n, p, p).castTo(x.dataType());
            return m.add(m.permute(0, 2, 1)).muli(0.5).dup('c');
        }

        INDArray rows(INDArray w, Object st, int n) {
            INDArray m = (INDArray) st;
            long p = w.length();
            return m.reshape('c', n * p, p).mmul(w.reshape(p, 1)).reshape('c', n, p);
        }

        INDArray quad(INDArray w, Object st, int n) {
            return rows(w, st, n).mulRowVector(w.reshape(1, w.length())).sum(true, 1);
        }

        INDArray contract(INDArray c, INDArray v, Object st) {
            int n = (int) c.size(0);
            INDArray r = rows(v, st, n);
            return c.reshape(1, n).mmul(r).reshape(v.length());
        }
    }
}
