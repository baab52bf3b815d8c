package catapult.engine.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Test;

/**
 * The arc-cosine (relu) and arcsine (erf) kernels at angles where they have known values, and
 * against an independent oracle: a fine midpoint-rule integral over the 2-D Gaussian density.
 */
class ClosedFormsTest {

    @Test
    void reluAtKnownAngles() {
        // theta = 0 (u = v): E[relu(u)^2] = s/2 and P(u > 0) = 1/2
        assertPair(ClosedForms.relu(2, 2, 2), 1.0, 0.5);
        // theta = pi/2 (independent): E[relu(u)] E[relu(v)] = sqrt(s1 s2) / (2 pi), P = 1/4
        assertPair(ClosedForms.relu(1, 4, 0), 2.0 / (2 * Math.PI), 0.25);
        // theta = pi (v = -u): never both positive
        assertPair(ClosedForms.relu(3, 3, -3), 0.0, 0.0);
        // theta = pi/3: (sqrt(3)/2 + (2 pi / 3)(1/2)) / (2 pi) and (2 pi / 3) / (2 pi) = 1/3
        assertPair(ClosedForms.relu(1, 1, 0.5), (Math.sqrt(3) / 2 + Math.PI / 3) / (2 * Math.PI), 1.0 / 3);
        // theta = 2 pi/3
        assertPair(ClosedForms.relu(1, 1, -0.5), (Math.sqrt(3) / 2 - Math.PI / 6) / (2 * Math.PI), 1.0 / 6);
        // a neuron whose pre-activation is 0 (relu'(0) = 0)
        assertPair(ClosedForms.relu(0, 1, 0), 0.0, 0.0);
    }

    @Test
    void erfAtKnownPoints() {
        // independent: E[erf] = 0 and E[erf'] E[erf'] = (2/sqrt(pi))^2 / sqrt((1+2 s1)(1+2 s2))
        assertPair(ClosedForms.erf(1, 4, 0), 0.0, 4 / Math.PI / Math.sqrt(3 * 9));
        // u = v with s = 1/2: (2/pi) asin(1/2) = 1/3
        assertEquals(1.0 / 3, ClosedForms.erf(0.5, 0.5, 0.5)[0], 1e-15);
    }

    @Test
    void reluAndErfMatchDirectIntegration() {
        double[][] cases = {{1, 1, 0.3}, {2, 0.5, -0.7}, {0.4, 3, 1.0}, {1.5, 1.5, 1.45}};
        for (double[] c : cases) {
            double[] relu = ClosedForms.relu(c[0], c[1], c[2]);
            assertEquals(integrate(c, z -> Math.max(0, z), z -> Math.max(0, z)), relu[0], 2e-5, "relu value " + c[2]);
            assertEquals(integrate(c, z -> z > 0 ? 1 : 0, z -> z > 0 ? 1 : 0), relu[1], 1e-2, "relu slope " + c[2]);
            double[] erf = ClosedForms.erf(c[0], c[1], c[2]);
            DoubleUnaryOperator erfSlope = z -> 2 / Math.sqrt(Math.PI) * Math.exp(-z * z);
            assertEquals(integrate(c, Erf::erf, Erf::erf), erf[0], 1e-7, "erf value " + c[2]);
            assertEquals(integrate(c, erfSlope, erfSlope), erf[1], 1e-7, "erf slope " + c[2]);
        }
    }

    @Test
    void meanSlopes() {
        assertEquals(0.5, ClosedForms.meanSlope(catapult.engine.autodiff.Activation.RELU, 2.0), 0);
        assertEquals(2 / Math.sqrt(Math.PI) / Math.sqrt(3), ClosedForms.meanSlope(catapult.engine.autodiff.Activation.ERF, 1.0), 1e-15);
    }

    /** E[phi(u) psi(v)] by the midpoint rule on z1, z2 in [-7, 7] (step 0.02). */
    static double integrate(double[] c, DoubleUnaryOperator phi, DoubleUnaryOperator psi) {
        double s1 = c[0];
        double s2 = c[1];
        double rho = c[2] / Math.sqrt(s1 * s2);
        double h = 0.02;
        int steps = (int) Math.round(14 / h);
        double[] z = new double[steps];
        double[] w = new double[steps];
        for (int i = 0; i < steps; i++) {
            z[i] = -7 + (i + 0.5) * h;
            w[i] = h * Math.exp(-z[i] * z[i] / 2) / Math.sqrt(2 * Math.PI);
        }
        double total = 0;
        double perp = Math.sqrt(Math.max(0, 1 - rho * rho));
        for (int i = 0; i < steps; i++) {
            double a = phi.applyAsDouble(Math.sqrt(s1) * z[i]);
            if (a == 0) continue;
            double inner = 0;
            for (int j = 0; j < steps; j++) inner += w[j] * psi.applyAsDouble(Math.sqrt(s2) * (rho * z[i] + perp * z[j]));
            total += w[i] * a * inner;
        }
        return total;
    }

    private static void assertPair(double[] got, double value, double slope) {
        assertEquals(value, got[0], 1e-14, "value");
        assertEquals(slope, got[1], 1e-14, "slope");
    }
}
