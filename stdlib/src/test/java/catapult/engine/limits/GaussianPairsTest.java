package catapult.engine.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import catapult.engine.autodiff.Activation;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The Gauss-Hermite product rule against the closed forms it stands in for (its stated accuracy). */
class GaussianPairsTest {
    private static final double[] S1 = {1.0, 0.3, 2.0, 4.0, 10.0, 1.0, 20.0};
    private static final double[] S2 = {1.0, 1.7, 2.0, 0.5, 10.0, 1.0, 20.0};
    private static final double[] C = {0.0, -0.4, 1.99, 1.2, 9.0, 1.0, -15.0};

    @Test
    void quadratureMatchesTheErfClosedFormToNineDigits() {
        ActivationChain erf = ActivationChain.of(Activation.ERF);
        GaussianPairs.Moments q = GaussianPairs.quadrature(erf, erf, S1, S2, C);
        for (int i = 0; i < C.length; i++) {
            double[] exact = ClosedForms.erf(S1[i], S2[i], C[i]);
            assertEquals(exact[0], q.value()[i], 1e-9 * Math.max(1, Math.abs(exact[0])), "value " + i);
            assertEquals(exact[1], q.slope()[i], 1e-9 * Math.max(1, Math.abs(exact[1])), "slope " + i);
        }
    }

    @Test
    void quadratureMatchesTheReluClosedFormDespiteTheKink() {
        ActivationChain relu = ActivationChain.of(Activation.RELU);
        GaussianPairs.Moments q = GaussianPairs.quadrature(relu, relu, S1, S2, C);
        for (int i = 0; i < C.length; i++) {
            double[] exact = ClosedForms.relu(S1[i], S2[i], C[i]);
            double scale = Math.sqrt(S1[i] * S2[i]);
            assertEquals(exact[0], q.value()[i], 2e-3 * scale, "value " + i);
            assertEquals(exact[1], q.slope()[i], 5e-3, "slope " + i);
        }
    }

    @Test
    void smoothActivationsAgreeWithARuleOfHalfTheStep() {
        for (Activation a : new Activation[] {Activation.TANH, Activation.SIGMOID, Activation.SWISH, Activation.GELU, Activation.SOFTPLUS}) {
            ActivationChain phi = ActivationChain.of(a);
            for (int i = 0; i < C.length; i++) {
                if (S1[i] > 4) continue;   // the half-step rule gets slow; the erf test covers variances to 20
                GaussianPairs.Moments q = GaussianPairs.quadrature(phi, phi, new double[] {S1[i]}, new double[] {S2[i]}, new double[] {C[i]});
                double[] fine = fineRule(a, S1[i], S2[i], C[i]);
                assertEquals(fine[0], q.value()[0], 1e-9 * Math.max(1, Math.abs(fine[0])), a + " value " + i);
                assertEquals(fine[1], q.slope()[0], 1e-9 * Math.max(1, Math.abs(fine[1])), a + " slope " + i);
            }
        }
    }

    @Test
    void steinPairsWithTheIdentityUseOneDimensionalMeans() {
        ActivationChain id = ActivationChain.of(Activation.IDENTITY);
        ActivationChain tanh = ActivationChain.of(Activation.TANH);
        GaussianPairs.Moments stein = GaussianPairs.of(id, tanh, S1, S2, C);
        GaussianPairs.Moments quad = GaussianPairs.quadrature(id, tanh, S1, S2, C);
        for (int i = 0; i < C.length; i++) {
            assertEquals(quad.value()[i], stein.value()[i], 1e-10, "value " + i);
            assertEquals(quad.slope()[i], stein.slope()[i], 1e-10, "slope " + i);
        }
        assertTrue(GaussianPairs.of(id, id, S1, S2, C).value()[2] == C[2]);
    }

    /** The same integral by a rule of half the step on the full square, summed here. */
    private static double[] fineRule(Activation a, double s1, double s2, double c) {
        double h = GaussianGrid.step(Math.max(s1, s2)) / 2;
        int half = (int) (9 / h);
        int q = 2 * half + 1;
        double rho = c / Math.sqrt(s1 * s2);
        double[] u = new double[q * q];
        double[] v = new double[q * q];
        double[] w = new double[q * q];
        for (int i = 0; i < q; i++) {
            for (int j = 0; j < q; j++) {
                double z1 = (i - half) * h;
                double z2 = (j - half) * h;
                u[i * q + j] = Math.sqrt(s1) * z1;
                v[i * q + j] = Math.sqrt(s2) * (rho * z1 + Math.sqrt(1 - rho * rho) * z2);
                w[i * q + j] = h * h * Math.exp(-(z1 * z1 + z2 * z2) / 2) / (2 * Math.PI);
            }
        }
        INDArray ua = Nd4j.createFromArray(u);
        INDArray va = Nd4j.createFromArray(v);
        INDArray wa = Nd4j.createFromArray(w);
        double value = a.value(ua).muli(a.value(va)).muli(wa).sumNumber().doubleValue();
        double slope = a.d1(ua).muli(a.d1(va)).muli(wa).sumNumber().doubleValue();
        return new double[] {value, slope};
    }
}
