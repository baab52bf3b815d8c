package catapult.engine.train;

import catapult.engine.models.Model;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The general quadratic model of thesis Eq. 3.3 with phi(x) = x and a fixed diagonal Sigma of
 * +-1: g(w; x) = w'x + gamma/2 w' Sigma w. Hand-differentiated, so training tests can watch
 * catapults (the kernel |x + gamma Sigma w|^2 moves) without the engine's networks.
 */
final class QuadraticTestModel implements Model {

    private final int d;
    private final double gamma;
    private final INDArray signs;
    private final INDArray w;
    private final INDArray w0;

    QuadraticTestModel(INDArray w, INDArray w0, INDArray signs, double gamma) {
        this.d = (int) w.length();
        this.w = w;
        this.w0 = w0;
        this.signs = signs;
        this.gamma = gamma;
    }

    static QuadraticTestModel random(int d, double gamma, long seed) {
        INDArray w = Nd4j.randn(Nd4j.create(Nd4j.defaultFloatingPointType(), d), seed);
        INDArray signs = Nd4j.randn(Nd4j.create(Nd4j.defaultFloatingPointType(), d), seed + 1);
        signs.assign(org.nd4j.linalg.ops.transforms.Transforms.sign(signs));
        return new QuadraticTestModel(w, w.dup(), signs, gamma);
    }

    private double quadratic(INDArray a, INDArray b) { return a.mul(signs).mul(b).sumNumber().doubleValue(); }

    @Override public long paramCount() { return d; }

    @Override public int outputCount() { return 1; }

    @Override public long[] inputShape() { return new long[] {d}; }

    @Override public INDArray params() { return w; }

    @Override public INDArray initialParams() { return w0; }

    @Override
    public INDArray predict(INDArray x) {
        return x.mmul(w.reshape(d, 1)).addi(0.5 * gamma * quadratic(w, w));
    }

    @Override
    public Pass forward(INDArray x) {
        INDArray out = predict(x);
        return new Pass() {
            @Override public INDArray output() { return out; }

            @Override
            public INDArray vjp(INDArray c) {
                double total = c.sumNumber().doubleValue();
                return x.transpose().mmul(c).reshape(d).addi(w.mul(signs).muli(gamma * total));
            }

            @Override public INDArray inputVjp(INDArray c) { return c.mmul(w.reshape(1, d)); }
        };
    }

    @Override
    public INDArray jvp(INDArray x, INDArray v) {
        return x.mmul(v.reshape(d, 1)).addi(gamma * quadratic(w, v));
    }

    @Override
    public INDArray hvp(INDArray x, INDArray c, INDArray v) {
        return v.mul(signs).muli(gamma * c.sumNumber().doubleValue());
    }

    @Override public Model copy() { return new QuadraticTestModel(w.dup(), w0.dup(), signs, gamma); }

    @Override public Model withParams(INDArray p) { return new QuadraticTestModel(p.dup(), w0.dup(), signs, gamma); }

    @Override public String describe() { return "quadratic(d=" + d + ", gamma=" + gamma + ")"; }
}
