package catapult.engine.testing;

import catapult.engine.models.Model;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Central finite-difference checks of a model's derivatives in float64: vjp and inputVjp
 * coordinate by coordinate, jvp along a random direction, hvp as the difference of vjps.
 */
public final class Derivatives {
    private static final double EPS = 1e-6;

    private Derivatives() {}

    /** Random N(0,1) float64 array with a fixed seed. */
    public static INDArray randn(long seed, long... shape) {
        return Nd4j.randn(Nd4j.getRandomFactory().getNewRandomInstance(seed), shape).castTo(DataType.DOUBLE);
    }

    /** <c, f(x)> at the model's current parameters. */
    static double objective(Model m, INDArray x, INDArray c) {
        return m.predict(x).mul(c).sumNumber().doubleValue();
    }

    /** vjp(c) against d/dw_j <c, f> for every parameter j. */
    public static void checkParamGradient(Model m, INDArray x, INDArray c, double tol) {
        INDArray g;
        try (Model.Pass p = m.forward(x)) { g = p.vjp(c); }
        INDArray w = m.params();
        for (long j = 0; j < w.length(); j++) {
            double keep = w.getDouble(j);
            w.putScalar(j, keep + EPS);
            double plus = objective(m, x, c);
            w.putScalar(j, keep - EPS);
            double minus = objective(m, x, c);
            w.putScalar(j, keep);
            assertNear((plus - minus) / (2 * EPS), g.getDouble(j), tol, "d/dw[" + j + "]");
        }
    }

    /** inputVjp(c) against d/dx_j <c, f>. */
    public static void checkInputGradient(Model m, INDArray x, INDArray c, double tol) {
        INDArray g;
        try (Model.Pass p = m.forward(x)) { g = p.inputVjp(c); }
        assertTrue(java.util.Arrays.equals(g.shape(), x.shape()), "input gradient has the input's shape");
        INDArray xf = x.reshape('c', new long[]{x.length()});
        INDArray gf = g.reshape('c', new long[]{g.length()});
        for (long j = 0; j < xf.length(); j++) {
            double keep = xf.getDouble(j);
            xf.putScalar(j, keep + EPS);
            double plus = objective(m, x, c);
            xf.putScalar(j, keep - EPS);
            double minus = objective(m, x, c);
            xf.putScalar(j, keep);
            assertNear((plus - minus) / (2 * EPS), gf.getDouble(j), tol, "d/dx[" + j + "]");
        }
    }

    /** jvp(v) against (f(w + eps v) - f(w - eps v)) / (2 eps). */
    public static void checkJvp(Model m, INDArray x, INDArray v, double tol) {
        INDArray jv = m.jvp(x, v);
        INDArray w = m.params();
        INDArray keep = w.dup();
        w.addi(v.mul(EPS));
        INDArray plus = m.predict(x);
        w.assign(keep).subi(v.mul(EPS));
        INDArray minus = m.predict(x);
        w.assign(keep);
        INDArray fd = plus.sub(minus).divi(2 * EPS).reshape('c', new long[]{plus.length()});
        INDArray got = jv.reshape('c', new long[]{jv.length()});
        for (long j = 0; j < fd.length(); j++) assertNear(fd.getDouble(j), got.getDouble(j), tol, "jvp[" + j + "]");
    }

    /** hvp(c, v) against (vjp_c(w + eps v) - vjp_c(w - eps v)) / (2 eps). */
    public static void checkHvp(Model m, INDArray x, INDArray c, INDArray v, double tol) {
        INDArray hv = m.hvp(x, c, v);
        INDArray w = m.params();
        INDArray keep = w.dup();
        w.addi(v.mul(EPS));
        INDArray plus;
        try (Model.Pass p = m.forward(x)) { plus = p.vjp(c); }
        w.assign(keep).subi(v.mul(EPS));
        INDArray minus;
        try (Model.Pass p = m.forward(x)) { minus = p.vjp(c); }
        w.assign(keep);
        INDArray fd = plus.sub(minus).divi(2 * EPS);
        for (long j = 0; j < fd.length(); j++) assertNear(fd.getDouble(j), hv.getDouble(j), tol, "hvp[" + j + "]");
    }

    /** All four checks with seeded random data. */
    public static void checkAll(Model m, INDArray x, double tol) {
        int n = (int) x.size(0);
        INDArray c = randn(11, n, m.outputCount());
        INDArray v = randn(12, m.paramCount());
        checkParamGradient(m, x, c, tol);
        checkInputGradient(m, x, c, tol);
        checkJvp(m, x, v, tol);
        checkHvp(m, x, c, v, tol);
    }

    private static void assertNear(double want, double got, double tol, String what) {
        double err = Math.abs(want - got) / Math.max(1.0, Math.abs(want));
        assertTrue(err < tol, what + ": finite difference " + want + " vs " + got);
    }
}
