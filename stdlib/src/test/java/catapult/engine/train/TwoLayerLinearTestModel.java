package catapult.engine.train;

import catapult.engine.models.Model;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The two-layer linear network f(x) = v'(U x) / sqrt(m) (thesis B.13), params [U (m x d, c order), v (m)].
 * It is exactly quadratic in its parameters, so it is its own NQM, and it shows the catapult
 * phase of Chapter 3 at small width: for eta between 2/lambda_0 and 4/lambda_0 the loss rises,
 * lambda falls below 2/eta, and the loss converges.
 */
final class TwoLayerLinearTestModel implements Model {

    private final int m;
    private final int d;
    private final INDArray w;
    private final INDArray w0;
    private final INDArray uw;
    private final INDArray vw;

    TwoLayerLinearTestModel(INDArray w, INDArray w0, int m, int d) {
        this.w = w;
        this.w0 = w0;
        this.m = m;
        this.d = d;
        this.uw = u(w);
        this.vw = v(w);
    }

    static TwoLayerLinearTestModel random(int m, int d, long seed) {
        INDArray w = Nd4j.randn(Nd4j.create(Nd4j.defaultFloatingPointType(), (long) m * d + m), seed);
        return new TwoLayerLinearTestModel(w, w.dup(), m, d);
    }

    private INDArray u(INDArray flat) { return flat.get(NDArrayIndex.interval(0, (long) m * d)).reshape(m, d); }

    private INDArray v(INDArray flat) { return flat.get(NDArrayIndex.interval((long) m * d, (long) m * d + m)).reshape(m, 1); }

    private double scale() { return 1 / Math.sqrt(m); }

    private INDArray flat(INDArray du, INDArray dv) {
        return Nd4j.concat(0, du.reshape((long) m * d), dv.reshape(m));
    }

    @Override public long paramCount() { return (long) m * d + m; }

    @Override public int outputCount() { return 1; }

    @Override public long[] inputShape() { return new long[] {d}; }

    @Override public INDArray params() { return w; }

    @Override public INDArray initialParams() { return w0; }

    @Override public INDArray predict(INDArray x) { return x.mmul(uw.transpose()).mmul(vw).muli(scale()); }

    @Override
    public Pass forward(INDArray x) {
        INDArray h = x.mmul(uw.transpose());
        INDArray out = h.mmul(vw).muli(scale());
        return new Pass() {
            @Override public INDArray output() { return out; }

            @Override
            public INDArray vjp(INDArray c) {
                INDArray du = vw.mmul(c.transpose().mmul(x)).muli(scale());
                INDArray dv = h.transpose().mmul(c).muli(scale());
                return flat(du, dv);
            }

            @Override public INDArray inputVjp(INDArray c) { return c.mmul(vw.transpose().mmul(uw)).muli(scale()); }
        };
    }

    @Override
    public INDArray jvp(INDArray x, INDArray dir) {
        INDArray viaV = x.mmul(uw.transpose()).mmul(v(dir));
        INDArray viaU = x.mmul(u(dir).transpose()).mmul(vw);
        return viaV.addi(viaU).muli(scale());
    }

    @Override
    public INDArray hvp(INDArray x, INDArray c, INDArray dir) {
        INDArray cx = c.transpose().mmul(x);
        INDArray du = v(dir).mmul(cx).muli(scale());
        INDArray dv = u(dir).mmul(cx.transpose()).muli(scale());
        return flat(du, dv);
    }

    @Override public Model copy() { return new TwoLayerLinearTestModel(w.dup(), w0.dup(), m, d); }

    @Override public Model withParams(INDArray p) { return new TwoLayerLinearTestModel(p.dup(), w0.dup(), m, d); }

    @Override public String describe() { return "two_layer_linear(m=" + m + ")"; }
}
