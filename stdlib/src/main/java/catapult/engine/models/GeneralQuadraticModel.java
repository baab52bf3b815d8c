package catapult.engine.models;

import java.util.SplittableRandom;
import java.util.function.Function;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The general quadratic model of the thesis (Eq. 3.3): g(w; x) = w'phi(x) + 1/2 gamma w' Sigma(x) w,
 * one output, w0 ~ N(0, I). It isolates the catapult mechanism from any network: phi fixes the
 * tangent features and gamma the curvature (B.13-B.14: smaller gamma, higher loss peak).
 * Sigma is a fixed p x p matrix or a function of x (one p x p matrix per example).
 */
public final class GeneralQuadraticModel implements Model {
    private final int dim;
    private final Function<INDArray, INDArray> phi;
    private final INDArray sigma;
    private final Function<INDArray, INDArray> sigmaOfX;
    private final double gamma;
    private final INDArray params;
    private final INDArray initial;

    private GeneralQuadraticModel(int dim, Function<INDArray, INDArray> phi, INDArray sigma,
                                  Function<INDArray, INDArray> sigmaOfX, double gamma, INDArray params, INDArray initial) {
        this.dim = dim;
        this.phi = phi;
        this.sigma = sigma;
        this.sigmaOfX = sigmaOfX;
        this.gamma = gamma;
        this.params = params;
        this.initial = initial;
    }

    /**
     * @param phi      batched features: n x d inputs to n x dim
     * @param sigma    a dim x dim matrix (symmetrized), or null when sigmaOfX is given
     * @param sigmaOfX one example (1-D, length d) to its dim x dim matrix, or null
     */
    public static GeneralQuadraticModel create(int dim, Function<INDArray, INDArray> phi, INDArray sigma,
                                               Function<INDArray, INDArray> sigmaOfX, double gamma, long seed) {
        if (dim <= 0) throw new IllegalArgumentException("quadratic: dim must be positive, got " + dim);
        if ((sigma == null) == (sigmaOfX == null)) throw new IllegalArgumentException("quadratic: give sigma as a matrix or as a function of x");
        INDArray sym = null;
        if (sigma != null) {
            if (sigma.rank() != 2 || sigma.rows() != dim || sigma.columns() != dim) {
                throw new IllegalArgumentException("quadratic: sigma must be " + dim + " x " + dim + ", got " + java.util.Arrays.toString(sigma.shape()));
            }
            sym = sigma.add(sigma.transpose()).muli(0.5);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        double[] w = new double[dim];
        for (int i = 0; i < dim; i++) w[i] = rng.nextGaussian();
        INDArray w0 = Nd4j.create(w).castTo(Nd4j.defaultFloatingPointType());
        return new GeneralQuadraticModel(dim, phi, sym, sigmaOfX, gamma, w0.dup(), w0);
    }

    /** A diagonal of random signs (+-1) drawn from seed: the thesis' "Sigma = random signs". */
    public static INDArray randomSigns(int dim, long seed) {
        SplittableRandom rng = new SplittableRandom(seed ^ 0x5DEECE66DL);
        INDArray d = Nd4j.create(Nd4j.defaultFloatingPointType(), dim);
        for (int i = 0; i < dim; i++) d.putScalar(i, rng.nextBoolean() ? 1.0 : -1.0);
        return Nd4j.diag(d);
    }

    public double gamma() { return gamma; }

    @Override public long paramCount() { return dim; }

    @Override public int outputCount() { return 1; }

    @Override public long[] inputShape() { return new long[] {-1}; }

    @Override public INDArray params() { return params; }

    @Override public INDArray initialParams() { return initial; }

    private INDArray features(INDArray x) {
        INDArray f = phi.apply(x);
        if (f.rank() != 2 || f.rows() != x.size(0) || f.columns() != dim) {
            throw new IllegalArgumentException("quadratic: phi must give " + dim + " features per example, got shape "
                    + java.util.Arrays.toString(f.shape()));
        }
        return f.castTo(params.dataType());
    }

    /** Sigma_i w for every example: n x dim. */
    private INDArray sigmaTimes(INDArray x, INDArray v) {
        long n = x.size(0);
        if (sigma != null) return sigma.mmul(v.reshape(dim, 1)).reshape(1, dim).repeat(0, n);
        INDArray out = Nd4j.create(params.dataType(), n, dim);
        for (long i = 0; i < n; i++) {
            INDArray s = sigmaOfX.apply(x.getRow(i).dup()).castTo(params.dataType());
            INDArray sym = s.add(s.transpose()).muli(0.5);
            out.putRow(i, sym.mmul(v.reshape(dim, 1)).reshape(dim));
        }
        return out;
    }

    @Override
    public INDArray predict(INDArray x) {
        INDArray f = features(x);
        INDArray sw = sigmaTimes(x, params);
        INDArray quad = sw.mulRowVector(params.reshape(1, dim)).sum(1).muli(0.5 * gamma);
        return f.mmul(params.reshape(dim, 1)).addi(quad.reshape(x.size(0), 1));
    }

    @Override
    public Pass forward(INDArray x) {
        INDArray f = features(x);
        INDArray sw = sigmaTimes(x, params);
        INDArray out = f.mmul(params.reshape(dim, 1)).addi(sw.mulRowVector(params.reshape(1, dim)).sum(1).muli(0.5 * gamma).reshape(x.size(0), 1));
        return new Pass() {
            @Override public INDArray output() { return out; }

            /** J_i = phi_i + gamma Sigma_i w, so J'c = sum_i c_i (phi_i + gamma Sigma_i w). */
            @Override public INDArray vjp(INDArray c) {
                INDArray jac = f.add(sw.mul(gamma));
                return jac.transpose().mmul(c.reshape(x.size(0), 1)).reshape(dim);
            }

            @Override public INDArray inputVjp(INDArray c) {
                throw new UnsupportedOperationException("input gradients of a general quadratic model are not defined (phi is a black box)");
            }
        };
    }

    @Override
    public INDArray jvp(INDArray x, INDArray v) {
        INDArray jac = features(x).addi(sigmaTimes(x, params).muli(gamma));
        return jac.mmul(v.reshape(dim, 1));
    }

    @Override
    public INDArray hvp(INDArray x, INDArray cotangent, INDArray v) {
        INDArray sv = sigmaTimes(x, v).muli(gamma);
        return sv.transpose().mmul(cotangent.reshape(x.size(0), 1)).reshape(dim);
    }

    @Override
    public Model copy() {
        return new GeneralQuadraticModel(dim, phi, sigma, sigmaOfX, gamma, params.dup(), initial);
    }

    @Override
    public Model withParams(INDArray w) {
        return new GeneralQuadraticModel(dim, phi, sigma, sigmaOfX, gamma, w.dup().reshape(dim), initial);
    }

    @Override
    public String describe() {
        return "quadratic(dim=" + dim + ", gamma=" + gamma + (sigma == null ? ", sigma(x)" : "") + ")";
    }

    @Override public String toString() { return describe(); }

}
