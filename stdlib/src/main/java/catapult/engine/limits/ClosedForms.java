package catapult.engine.limits;

import catapult.engine.autodiff.Activation;

/**
 * Gaussian expectations with closed forms, for (u, v) ~ N(0, [[s1, c], [c, s2]]):
 * <ul>
 * <li>relu (the arc-cosine kernels of degree 1 and 0, Cho and Saul 2009): with
 *     cos(theta) = c / sqrt(s1 s2), E[relu(u) relu(v)] = sqrt(s1 s2) (sin theta + (pi - theta) cos theta) / (2 pi)
 *     and E[relu'(u) relu'(v)] = (pi - theta) / (2 pi);</li>
 * <li>erf (Williams 1997): E[erf(u) erf(v)] = (2/pi) asin(2c / sqrt((1 + 2 s1)(1 + 2 s2))) and
 *     E[erf'(u) erf'(v)] = (4/pi) / sqrt((1 + 2 s1)(1 + 2 s2) - 4 c^2);</li>
 * <li>the mean slope E[phi'(u)], u ~ N(0, s): 1/2 for relu, (2/sqrt(pi)) / sqrt(1 + 2s) for erf,
 *     1 for the identity (pairs with the identity follow from it by Stein's lemma).</li>
 * </ul>
 * relu'(0) is 0, as in the engine, so a neuron whose pre-activation is identically 0 has slope 0.
 */
final class ClosedForms {
    private ClosedForms() {}

    /** Whether E[phi(u) psi(v)] has a closed form here (both relu or both erf). */
    static boolean covers(Activation phi, Activation psi) {
        return phi != null && phi == psi && (phi == Activation.RELU || phi == Activation.ERF);
    }

    /** Whether E[phi'(u)] has a closed form here. */
    static boolean coversSlope(Activation phi) {
        return phi == Activation.RELU || phi == Activation.ERF || phi == Activation.IDENTITY;
    }

    /** {E[phi(u) psi(v)], E[phi'(u) psi'(v)]}; requires {@link #covers}. */
    static double[] pair(Activation phi, Activation psi, double s1, double s2, double c) {
        return phi == Activation.RELU ? relu(s1, s2, c) : erf(s1, s2, c);
    }

    /** E[phi'(u)] for u ~ N(0, s); requires {@link #coversSlope}. */
    static double meanSlope(Activation phi, double s) {
        return switch (phi) {
            case RELU -> s > 0 ? 0.5 : 0.0;
            case ERF -> 2.0 / Math.sqrt(Math.PI) / Math.sqrt(1.0 + 2.0 * s);
            case IDENTITY -> 1.0;
            default -> throw new IllegalArgumentException("no closed form for the mean slope of " + phi.languageName());
        };
    }

    static double[] relu(double s1, double s2, double c) {
        double norm = Math.sqrt(s1 * s2);
        if (!(norm > 0)) return new double[] {0.0, 0.0};
        double cos = Math.max(-1.0, Math.min(1.0, c / norm));
        if (1 - Math.abs(cos) < 1e-14) cos = Math.signum(cos);   // collinear inputs: rounding must not open an angle
        double theta = Math.acos(cos);
        double sin = Math.sqrt(Math.max(0.0, 1 - cos * cos));   // exactly 0 at cos = -1, where sin(acos) is 1e-16
        double value = norm * (sin + (Math.PI - theta) * cos) / (2 * Math.PI);
        return new double[] {value, (Math.PI - theta) / (2 * Math.PI)};
    }

    static double[] erf(double s1, double s2, double c) {
        double a = (1 + 2 * s1) * (1 + 2 * s2);
        double ratio = Math.max(-1.0, Math.min(1.0, 2 * c / Math.sqrt(a)));
        double value = 2.0 / Math.PI * Math.asin(ratio);
        double slope = 4.0 / Math.PI / Math.sqrt(Math.max(a - 4 * c * c, 1e-300));
        return new double[] {value, slope};
    }
}
