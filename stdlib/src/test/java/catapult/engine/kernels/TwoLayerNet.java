package catapult.engine.kernels;

import catapult.engine.models.Model;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * A hand-differentiated two-layer network f(x) = V act(U x / sqrt(d)) / sqrt(m) with k outputs
 * and act = tanh or relu, NTK parameterization, used as an independent test model for the kernel
 * code (its derivatives are checked against finite differences in {@link TwoLayerNetTest}; with
 * relu and k = 1 it is the peer benchmark's FCN2). Parameters are flat [U (m x d, row-major),
 * V (k x m, row-major)], the same layout as the peer's (U, v).
 */
final class TwoLayerNet implements Model {

    final boolean relu;
    final int d;
    final int m;
    final int k;
    private final INDArray w;
    private final INDArray w0;

    /** A tanh net with N(0, 1) float64 weights. */
    TwoLayerNet(int d, int m, int k, long seed) {
        this(false, d, m, k, Nd4j.randn(Nd4j.create(DataType.DOUBLE, (long) m * d + (long) k * m), seed));
    }

    /** A net with the given flat parameters (their dtype is the model's). */
    TwoLayerNet(boolean relu, int d, int m, int k, INDArray w) {
        this(relu, d, m, k, w, w.dup());
    }

    private TwoLayerNet(boolean relu, int d, int m, int k, INDArray w, INDArray w0) {
        this.relu = relu;
        this.d = d;
        this.m = m;
        this.k = k;
        this.w = w;
        this.w0 = w0;
    }

    INDArray u(INDArray flat) {
        return flat.get(NDArrayIndex.interval(0, (long) m * d)).reshape('c', m, d);
    }

    INDArray v(INDArray flat) {
        return flat.get(NDArrayIndex.interval((long) m * d, flat.length())).reshape('c', k, m);
    }

    @Override public long paramCount() { return (long) m * d + (long) k * m; }
    @Override public int outputCount() { return k; }
    @Override public long[] inputShape() { return new long[] {d}; }
    @Override public INDArray params() { return w; }
    @Override public INDArray initialParams() { return w0; }
    @Override public INDArray predict(INDArray x) { return forward(x).output(); }
    @Override public Model copy() { return new TwoLayerNet(relu, d, m, k, w.dup(), w0.dup()); }
    @Override public Model withParams(INDArray p) { return new TwoLayerNet(relu, d, m, k, p.dup(), w0.dup()); }
    @Override public String describe() { return (relu ? "relu" : "tanh") + "net(d=" + d + ", m=" + m + ", k=" + k + ")"; }

    private INDArray preact(INDArray x, INDArray uMat) {
        return x.reshape(x.size(0), d).mmul(uMat.transpose()).divi(Math.sqrt(d));
    }

    @Override
    public Pass forward(INDArray x) {
        INDArray xs = x.reshape(x.size(0), d);
        INDArray a = act(preact(xs, u(w)));
        INDArray out = a.mmul(v(w).transpose()).divi(Math.sqrt(m));
        return new Pass() {
            public INDArray output() { return out; }
            public INDArray vjp(INDArray c) {
                INDArray gv = c.transpose().mmul(a).divi(Math.sqrt(m));
                INDArray gu = dz(c).transpose().mmul(xs).divi(Math.sqrt(d));
                return Nd4j.concat(0, gu.reshape(-1), gv.reshape(-1));
            }
            public INDArray inputVjp(INDArray c) {
                return dz(c).mmul(u(w)).divi(Math.sqrt(d));
            }
            private INDArray dz(INDArray c) {
                INDArray slope = slope(a);
                return c.mmul(v(w)).divi(Math.sqrt(m)).muli(slope);
            }
        };
    }

    @Override
    public INDArray jvp(INDArray x, INDArray dir) {
        INDArray xs = x.reshape(x.size(0), d);
        INDArray a = act(preact(xs, u(w)));
        INDArray dz = preact(xs, u(dir)).muli(slope(a));
        return dz.mmul(v(w).transpose()).addi(a.mmul(v(dir).transpose())).divi(Math.sqrt(m));
    }

    @Override
    public INDArray hvp(INDArray x, INDArray c, INDArray dir) {
        INDArray xs = x.reshape(x.size(0), d);
        INDArray a = act(preact(xs, u(w)));
        INDArray slope = slope(a);
        INDArray curve = relu ? Nd4j.zerosLike(a) : a.mul(slope).muli(-2.0);
        INDArray dz = preact(xs, u(dir));
        INDArray hv = c.transpose().mmul(slope.mul(dz)).divi(Math.sqrt(m));
        INDArray cv = c.mmul(v(w)).divi(Math.sqrt(m));
        INDArray cdv = c.mmul(v(dir)).divi(Math.sqrt(m));
        INDArray hzu = cdv.muli(slope).addi(cv.muli(curve).muli(dz));
        INDArray hu = hzu.transpose().mmul(xs).divi(Math.sqrt(d));
        return Nd4j.concat(0, hu.reshape(-1), hv.reshape(-1));
    }


    private INDArray act(INDArray z) {
        return relu ? Transforms.relu(z, false) : Transforms.tanh(z, false);
    }

    /** act' written in terms of a = act(z): 1[a > 0] for relu, 1 - a^2 for tanh. */
    private INDArray slope(INDArray a) {
        return relu ? a.gt(0).castTo(a.dataType()) : a.mul(a).rsubi(1.0);
    }
}
