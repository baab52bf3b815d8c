package catapult.engine.models;

import catapult.engine.graph.Network;
import catapult.engine.autodiff.Blas;
import catapult.engine.autodiff.Buffers;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What the linear and quadratic models share: the network they expand, the expansion point w0
 * with its cached jets, and their own parameter vector w (trained in place).
 */
abstract class TaylorModel implements Model {
    protected final Network base;
    protected final ExpansionPoint at;
    protected final INDArray params;

    protected TaylorModel(Network base, ExpansionPoint at, INDArray params) {
        this.base = base;
        this.at = at;
        this.params = params;
    }

    @Override public long paramCount() { return at.program().paramCount(); }

    @Override public int outputCount() { return at.program().outputSize(); }

    @Override public long[] inputShape() { return base.inputShape(); }

    @Override public INDArray params() { return params; }

    @Override public INDArray initialParams() { return at.w0(); }

    @Override public Model base() { return base; }

    @Override public String toString() { return describe(); }

    /**
     * D = w - w0 in a buffer of this model's (recycled: a training step's pass takes one and
     * gives it back on close, so steps allocate no p-vector and the engine's cached views of D
     * stay valid). Each live pass has its own buffer.
     */
    protected final INDArray takeDelta() {
        INDArray d;
        synchronized (deltas) {
            d = deltas.poll();
        }
        if (d == null) d = params.ulike();
        Blas.copy(params, d);
        Blas.axpy(-1.0, at.w0(), d);
        return d;
    }

    /** Returns a buffer from {@link #takeDelta}. */
    protected final void giveDelta(INDArray d) {
        synchronized (deltas) {
            if (deltas.size() < 4) deltas.push(d); else Buffers.release(d);
        }
    }

    private final java.util.ArrayDeque<INDArray> deltas = new java.util.ArrayDeque<>();
}
