package catapult.engine.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Each update rule against the same rule written out per coordinate in plain Java doubles. */
class OptimizerTest {

    private static final double[] W0 = {0.5, -1.0, 2.0};
    private static final double[][] GRADS = {{0.3, -0.2, 1.5}, {-0.1, 0.4, 0.7}, {0.25, 0.0, -2.0}};
    private static final double LR = 0.1;

    /** Runs the optimizer's stepper on W0 with the fixed gradient sequence. */
    private static double[] run(Optimizer opt) {
        INDArray w = Nd4j.createFromArray(W0.clone());
        UpdateRule.Stepper stepper = opt.rule().start(w);
        for (double[] g : GRADS) stepper.step(w, Nd4j.createFromArray(g.clone()), LR);
        return w.toDoubleVector();
    }

    private static LrSchedule lr() { return LrSchedule.constant(LR); }

    @Test
    void gradientDescentSubtractsLrTimesGradient() {
        double[] w = W0.clone();
        for (double[] g : GRADS) for (int i = 0; i < 3; i++) w[i] -= LR * g[i];
        assertArrayEquals(w, run(Optimizer.gd(lr())), 1e-12);
        assertArrayEquals(w, run(Optimizer.sgd(lr(), 4)), 1e-12);
    }

    @Test
    void momentumAccumulatesVelocity() {
        double beta = 0.9;
        double[] w = W0.clone();
        double[] v = new double[3];
        for (double[] g : GRADS) {
            for (int i = 0; i < 3; i++) {
                v[i] = beta * v[i] + g[i];
                w[i] -= LR * v[i];
            }
        }
        assertArrayEquals(w, run(Optimizer.momentum(lr(), beta, 0)), 1e-12);
    }

    @Test
    void rmspropDividesByRunningRms() {
        double rho = 0.99;
        double eps = 1e-8;
        double[] w = W0.clone();
        double[] s = new double[3];
        for (double[] g : GRADS) {
            for (int i = 0; i < 3; i++) {
                s[i] = rho * s[i] + (1 - rho) * g[i] * g[i];
                w[i] -= LR * g[i] / (Math.sqrt(s[i]) + eps);
            }
        }
        assertArrayEquals(w, run(Optimizer.rmsprop(lr(), rho, eps, 0)), 1e-9);
    }

    @Test
    void adagradDividesByAccumulatedNorm() {
        double eps = 1e-10;
        double[] w = W0.clone();
        double[] s = new double[3];
        for (double[] g : GRADS) {
            for (int i = 0; i < 3; i++) {
                s[i] += g[i] * g[i];
                w[i] -= LR * g[i] / (Math.sqrt(s[i]) + eps);
            }
        }
        assertArrayEquals(w, run(Optimizer.adagrad(lr(), eps, 0)), 1e-9);
    }

    @Test
    void adadeltaScalesByRatioOfRunningRms() {
        double rho = 0.9;
        double eps = 1e-6;
        double[] w = W0.clone();
        double[] s = new double[3];
        double[] u = new double[3];
        for (double[] g : GRADS) {
            for (int i = 0; i < 3; i++) {
                s[i] = rho * s[i] + (1 - rho) * g[i] * g[i];
                double d = Math.sqrt(u[i] + eps) / Math.sqrt(s[i] + eps) * g[i];
                u[i] = rho * u[i] + (1 - rho) * d * d;
                w[i] -= LR * d;
            }
        }
        assertArrayEquals(w, run(Optimizer.adadelta(lr(), rho, eps, 0)), 1e-12);
    }

    @Test
    void adamUsesBiasCorrectedMoments() {
        double b1 = 0.9;
        double b2 = 0.999;
        double eps = 1e-8;
        double[] w = W0.clone();
        double[] m = new double[3];
        double[] v = new double[3];
        for (int t = 1; t <= GRADS.length; t++) {
            double[] g = GRADS[t - 1];
            for (int i = 0; i < 3; i++) {
                m[i] = b1 * m[i] + (1 - b1) * g[i];
                v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
                double mh = m[i] / (1 - Math.pow(b1, t));
                double vh = v[i] / (1 - Math.pow(b2, t));
                w[i] -= LR * mh / (Math.sqrt(vh) + eps);
            }
        }
        assertArrayEquals(w, run(Optimizer.adam(lr(), b1, b2, eps, 0)), 1e-9);
    }

    @Test
    void eachModelGetsItsOwnState() {
        Optimizer opt = Optimizer.adam(lr(), 0.9, 0.999, 1e-8, 0);
        assertArrayEquals(run(opt), run(opt), 0.0);
    }

    @Test
    void rejectsANegativeConstantRate() {
        // batch sizes and hyperparameter ranges are checked by the builtins' parameter types (BoundaryValidationTest)
        assertThrows(IllegalArgumentException.class, () -> LrSchedule.constant(-0.1));
    }

    @Test
    void worksInFloat32Too() {
        INDArray w = Nd4j.createFromArray(1f, 2f);
        Optimizer.adam(lr(), 0.9, 0.999, 1e-8, 0).rule().start(w).step(w, Nd4j.createFromArray(1f, -1f), 0.1);
        assertEquals(DataType.FLOAT, w.dataType());
        assertArrayEquals(new double[] {0.9, 2.1}, w.toDoubleVector(), 1e-5);
    }
}
