package catapult.builtins;

import java.util.Arrays;

/**
 * Least-squares polynomial fit, as NumPy's polyfit: the Vandermonde system with columns scaled
 * to unit norm, solved by Householder QR in plain Java (the system is tiny, and ND4J's matrix
 * inverse prints to stdout and returns garbage on singular input). Points that cannot determine
 * the polynomial (too few distinct x, non-finite values) are reported, never solved.
 */
final class PolynomialFit {
    private PolynomialFit() {}

    /** Coefficients from the highest power down; IllegalArgumentException when the fit is undetermined. */
    static double[] fit(double[] x, double[] y, int deg) {
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
                throw new IllegalArgumentException("point " + i + " is not finite (x = " + x[i] + ", y = " + y[i] + ")");
            }
        }
        long distinct = Arrays.stream(x).distinct().count();
        if (distinct <= deg) {
            throw new IllegalArgumentException("x holds " + distinct + " distinct value" + (distinct == 1 ? "" : "s")
                    + "; a degree-" + deg + " fit needs at least " + (deg + 1));
        }
        int m = x.length;
        int n = deg + 1;
        double[][] a = new double[m][n];
        double[] scale = new double[n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < m; i++) a[i][j] = Math.pow(x[i], deg - j);
            scale[j] = norm(a, j, 0);
            if (!(scale[j] > 0) || !Double.isFinite(scale[j])) {
                throw new IllegalArgumentException("x^" + (deg - j) + " is " + (scale[j] > 0 ? "too large" : "zero at every point")
                        + "; the fit is undetermined");
            }
            for (int i = 0; i < m; i++) a[i][j] /= scale[j];
        }
        double[] c = solve(a, y.clone(), n);
        for (int j = 0; j < n; j++) c[j] /= scale[j];
        return c;
    }

    /** Least squares min |A c - b| by Householder QR; A and b are overwritten. */
    private static double[] solve(double[][] a, double[] b, int n) {
        int m = b.length;
        double[] diag = new double[n];
        for (int k = 0; k < n; k++) {
            double alpha = norm(a, k, k);
            if (a[k][k] > 0) alpha = -alpha;
            diag[k] = alpha;
            a[k][k] -= alpha;
            double vv = norm(a, k, k);
            if (vv == 0) continue;
            for (int i = k; i < m; i++) a[i][k] /= vv;
            for (int j = k + 1; j < n; j++) reflect(a, k, j, m);
            double d = 0;
            for (int i = k; i < m; i++) d += a[i][k] * b[i];
            for (int i = k; i < m; i++) b[i] -= 2 * d * a[i][k];
        }
        double largest = Arrays.stream(diag).map(Math::abs).max().orElse(0);
        double[] c = new double[n];
        for (int k = n - 1; k >= 0; k--) {
            if (Math.abs(diag[k]) <= largest * m * 1e-14) {
                throw new IllegalArgumentException("the points do not determine a degree-" + (n - 1) + " polynomial (rank-deficient)");
            }
            double s = b[k];
            for (int j = k + 1; j < n; j++) s -= a[k][j] * c[j];
            c[k] = s / diag[k];
        }
        return c;
    }

    private static void reflect(double[][] a, int k, int j, int m) {
        double d = 0;
        for (int i = k; i < m; i++) d += a[i][k] * a[i][j];
        for (int i = k; i < m; i++) a[i][j] -= 2 * d * a[i][k];
    }

    private static double norm(double[][] a, int column, int from) {
        double s = 0;
        for (int i = from; i < a.length; i++) s = Math.hypot(s, a[i][column]);
        return s;
    }
}
