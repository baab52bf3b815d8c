package catapult.engine.models;

import catapult.engine.graph.Network;
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
}
