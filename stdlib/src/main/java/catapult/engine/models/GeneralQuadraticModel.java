package catapult.engine.models;

import catapult.numerics.Precision;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * The general quadratic model g(w; x) = w' phi(x) + gamma/2 w' Sigma w (thesis Eq. 3.3), with
 * w0 ~ N(0, I) drawn from a seed. The thesis uses it to show the catapult phase without a
 * network (B.14: phi(x) = x/|x|, Sigma a random +-1 diagonal, gamma = 1e-3). phi is a batched
 * function n x d -> n x p; its value is cached for the last input. One output.
 */
public final class GeneralQuadraticModel implements Model {
    private final int p;
    private final Function<INDArray, INDArray> phi;
    private final Sigma sigma;
    private final double gamma;
    private final long[] inputShape;
    private final INDArray params;
    private final INDArray initial;
    private INDArray cachedX;
    private INDArray cachedPhi;
    private Object cachedSigma;

    /**
     * @param p          number of parameters
     * @param phi        features, n x d -> n x p
     * @param sigma      "signs", "identity", a p x p INDArray, or a Function of x returning n x p x p
     * @param inputShape shape of one example (for {@link #inputShape()}), e.g. {100}
     */
    public GeneralQuadraticModel(int p, Function<INDArray, INDArray> phi, Object sigma, double gamma,
                                 long seed, long[] inputShape) {
        if (!Double.isFinite(gamma)) throw new IllegalArgumentException("the quadratic model's curvature scale gamma must be finite, got " + gamma);
        DataType dtype = Precision.dtype();
        this.p = p;
        this.phi = phi;
        this.gamma = gamma;
        this.sigma = sigmaOf(sigma, p, seed, dtype);
        this.inputShape = inputShape.clone();
        SplittableRandom rng = new SplittableRandom(seed);
        double[] w = new double[p];
        for (int i = 0; i < p; i++) w[i] = rng.nextGaussian();
        this.initial = Nd4j.create(w, new long[]{p}, dtype);
        this.params = initial.dup();
    }

    /**
     * The factory the DSL binding uses: Sigma as a p x p matrix (a diagonal one is kept as its
     * diagonal) or as a function of one example (1-D, length d) giving its p x p matrix; exactly one
     * of {@code sigma} and {@code sigmaOfX} is given.
     */
    public static GeneralQuadraticModel create(int dim, Function<INDArray, INDArray> phi, INDArray sigma,
                                               Function<INDArray, INDArray> sigmaOfX, double gamma, long seed) {
        Object s = sigma != null ? sigma : perExample(sigmaOfX, dim);
        return new GeneralQuadraticModel(dim, phi, s, gamma, seed, new long[]{-1});
    }

    /** A dim x dim diagonal of random signs drawn from the seed (the thesis' Sigma, B.14). */
    public static INDArray randomSigns(int dim, long seed) {
        return Nd4j.diag(Sigma.signVector(dim, seed, Precision.dtype()));
    }

    /** Stacks a per-example Sigma function into the batched n x p x p form (DSL lambdas are per example). */
    private static Function<INDArray, INDArray> perExample(Function<INDArray, INDArray> f, int p) {
        return x -> {
            INDArray out = Nd4j.create(x.dataType(), x.size(0), p, p);
            for (long i = 0; i < x.size(0); i++) {
                INDArray m = f.apply(x.getRow(i).dup());
                if (m == null || m.length() != (long) p * p) {
                    throw new IllegalArgumentException("the quadratic model's sigma(x) must give a " + p + " x " + p + " matrix per example");
                }
                out.putSlice((int) i, m.reshape('c', p, p).castTo(x.dataType()));
            }
            return out;
        };
    }

    /** The curvature scale gamma. */
    public double gamma() { return gamma; }

    private GeneralQuadraticModel(GeneralQuadraticModel o, INDArray w) {
        this.p = o.p;
        this.phi = o.phi;
        this.sigma = o.sigma;
        this.gamma = o.gamma;
        this.inputShape = o.inputShape;
        this.initial = o.initial;
        this.params = w;
    }

    private static Sigma sigmaOf(Object s, int p, long seed, DataType dtype) {
        if ("signs".equals(s)) return Sigma.signs(p, seed, dtype);
        if ("identity".equals(s)) return Sigma.identity(p, dtype);
        if (s instanceof INDArray m) return Sigma.matrix(m.castTo(dtype), p);
        if (s instanceof Function<?, ?> f) {
            @SuppressWarnings("unchecked") Function<INDArray, INDArray> g = (Function<INDArray, INDArray>) f;
            return Sigma.function(g);
        }
        throw new IllegalArgumentException("the quadratic model's sigma must be \"signs\", \"identity\", a p x p tensor or a function of x");
    }

    @Override public long paramCount() { return p; }

    @Override public int outputCount() { return 1; }

    @Override public long[] inputShape() { return inputShape.clone(); }

    @Override public INDArray params() { return params; }

    @Override public INDArray initialParams() { return initial; }

    @Override
    public INDArray predict(INDArray x) {
        INDArray f = features(x).mmul(params.reshape(p, 1));
        return f.addi(sigma.quad(params, cachedSigma, (int) x.size(0)).muli(0.5 * gamma));
    }

    @Override
    public Pass forward(INDArray x) {
        INDArray y = predict(x);
        return new Pass() {
            @Override public INDArray output() { return y; }

            /** Phi' c + gamma sum_i c_i Sigma_i w. */
            @Override
            public INDArray vjp(INDArray c) {
                INDArray cc = c.reshape(x.size(0), 1).castTo(params.dataType());
                INDArray g = features(x).transpose().mmul(cc).reshape(p);
                return g.addi(sigma.contract(cc, params, cachedSigma).muli(gamma));
            }

            @Override
            public INDArray inputVjp(INDArray c) {
                throw new UnsupportedOperationException("input gradients of a general quadratic model are not supported (phi is opaque)");
            }
        };
    }

    /** Phi v + gamma (Sigma_i w) . v per example. */
    @Override
    public INDArray jvp(INDArray x, INDArray v) {
        INDArray vv = v.reshape(p, 1).castTo(params.dataType());
        INDArray out = features(x).mmul(vv);
        return out.addi(sigma.rows(params, cachedSigma, (int) x.size(0)).mmul(vv).muli(gamma));
    }

    /** gamma sum_i c_i Sigma_i v. */
    @Override
    public INDArray hvp(INDArray x, INDArray c, INDArray v) {
        features(x);
        INDArray cc = c.reshape(x.size(0), 1).castTo(params.dataType());
        return sigma.contract(cc, v.reshape(p).castTo(params.dataType()), cachedSigma).muli(gamma);
    }

    @Override public Model copy() { return new GeneralQuadraticModel(this, params.dup()); }

    @Override
    public Model withParams(INDArray w) {
        if (w.length() != p) {
            throw new IllegalArgumentException("the parameter vector must have length " + p + ", got " + w.length());
        }
        return new GeneralQuadraticModel(this, w.castTo(params.dataType()).reshape(p).dup());
    }

    @Override
    public String describe() { return "quadratic(dim=" + p + ", gamma=" + gamma + ")"; }

    @Override
    public String toString() { return describe(); }

    /** phi(x) (n x p), recomputed only for a new input. */
    private INDArray features(INDArray x) {
        if (x != cachedX) {
            INDArray f = phi.apply(x);
            if (f == null || f.rank() != 2 || f.size(0) != x.size(0) || f.size(1) != p) {
                throw new IllegalArgumentException("the quadratic model's phi must return an n x " + p + " tensor, got "
                        + (f == null ? "none" : Arrays.toString(f.shape())));
            }
            cachedPhi = f.castTo(params.dataType());
            cachedSigma = sigma.prepare(x, p);
            cachedX = x;
        }
        return cachedPhi;
    }
}
