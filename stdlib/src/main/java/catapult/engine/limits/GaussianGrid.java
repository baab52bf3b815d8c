package catapult.engine.limits;

/**
 * Equally spaced quadrature for expectations over standard normal variables: the midpoints
 * z = (i + 1/2) h inside [-{@value #RADIUS}, {@value #RADIUS}] with weights h * pdf(z), normalized
 * to sum 1 (in two dimensions, the nodes of the square grid inside the disc of that radius). No
 * node sits at 0, so a step such as relu' is integrated symmetrically. For an analytic integrand
 * this rule converges exponentially in 1/h, unlike Gauss-Hermite,
 * whose error for tanh at variance 20 is still 3e-2 with 48 points; the step is chosen from
 * the largest variance so that sqrt(s) h <= {@value #SCALED_STEP}.
 */
record GaussianGrid(double[] z1, double[] z2, double[] w) {
    /** Beyond this |z| the Gaussian weight is below 2e-16 of its peak. */
    static final double RADIUS = 8.5;
    static final double MAX_STEP = 0.1;
    static final double SCALED_STEP = 0.2;

    /** The step for integrands phi(sqrt(s) z) with s at most maxVariance. */
    static double step(double maxVariance) {
        return Math.min(MAX_STEP, SCALED_STEP / Math.sqrt(Math.max(maxVariance, 1e-300)));
    }

    static GaussianGrid line(double h) {
        int half = (int) Math.floor(RADIUS / h);
        double[] z = new double[2 * half];
        double[] w = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            z[i] = (i - half + 0.5) * h;
            w[i] = Math.exp(-z[i] * z[i] / 2);
        }
        return new GaussianGrid(z, new double[z.length], normalized(w));
    }

    static GaussianGrid plane(double h) {
        double[] axis = line(h).z1();
        int count = 0;
        for (double a : axis) for (double b : axis) if (a * a + b * b <= RADIUS * RADIUS) count++;
        double[] z1 = new double[count];
        double[] z2 = new double[count];
        double[] w = new double[count];
        int k = 0;
        for (double a : axis) {
            for (double b : axis) {
                if (a * a + b * b > RADIUS * RADIUS) continue;
                z1[k] = a;
                z2[k] = b;
                w[k++] = Math.exp(-(a * a + b * b) / 2);
            }
        }
        return new GaussianGrid(z1, z2, normalized(w));
    }

    int size() { return w.length; }

    private static double[] normalized(double[] w) {
        double total = 0;
        for (double v : w) total += v;
        for (int i = 0; i < w.length; i++) w[i] /= total;
        return w;
    }
}
