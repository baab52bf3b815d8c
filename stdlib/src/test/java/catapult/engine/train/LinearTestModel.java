package catapult.engine.train;

import catapult.engine.models.Model;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** f(x) = x W with W d x k stored flat (c order): a model whose NTK is X X' (x) I_k exactly. */
final class LinearTestModel implements Model {

    private final int d;
    private final int k;
    private final INDArray w;
    private final INDArray w0;

    LinearTestModel(INDArray w, INDArray w0, int d, int k) {
        this.w = w;
        this.w0 = w0;
        this.d = d;
        this.k = k;
    }

    static LinearTestModel random(int d, int k, long seed) {
        INDArray w = Nd4j.randn(Nd4j.create(Nd4j.defaultFloatingPointType(), (long) d * k), seed).muli(0.1);
        return new LinearTestModel(w, w.dup(), d, k);
    }

    private INDArray matrix(INDArray flat) { return flat.reshape('c', d, k); }

    @Override public long paramCount() { return (long) d * k; }

    @Override public int outputCount() { return k; }

    @Override public long[] inputShape() { return new long[] {d}; }

    @Override public INDArray params() { return w; }

    @Override public INDArray initialParams() { return w0; }

    @Override public INDArray predict(INDArray x) { return x.mmul(matrix(w)); }

    @Override
    public Pass forward(INDArray x) {
        INDArray out = predict(x);
        return new Pass() {
            @Override public INDArray output() { return out; }

            @Override public INDArray vjp(INDArray c) { return x.transpose().mmul(c).reshape((long) d * k); }

            @Override public INDArray inputVjp(INDArray c) { return c.mmul(matrix(w).transpose()); }
        };
    }

    @Override public INDArray jvp(INDArray x, INDArray v) { return x.mmul(matrix(v)); }

    @Override public INDArray hvp(INDArray x, INDArray c, INDArray v) { return Nd4j.zeros(w.dataType(), w.length()); }

    @Override public Model copy() { return new LinearTestModel(w.dup(), w0.dup(), d, k); }

    @Override public Model withParams(INDArray p) { return new LinearTestModel(p.dup(), w0.dup(), d, k); }

    @Override public String describe() { return "linear(d=" + d + ", k=" + k + ")"; }
}
