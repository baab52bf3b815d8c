package catapult.engine.train;

import catapult.engine.models.Model;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Wraps a model and counts the forward passes (forward or predict) over exactly {@code rows} examples. */
final class CountingModel implements Model {

    final Model inner;
    private final long rows;
    int passes;

    CountingModel(Model inner, long rows) {
        this.inner = inner;
        this.rows = rows;
    }

    private void count(INDArray x) {
        if (x.size(0) == rows) passes++;
    }

    @Override public long paramCount() { return inner.paramCount(); }

    @Override public int outputCount() { return inner.outputCount(); }

    @Override public long[] inputShape() { return inner.inputShape(); }

    @Override public INDArray params() { return inner.params(); }

    @Override public INDArray initialParams() { return inner.initialParams(); }

    @Override
    public INDArray predict(INDArray x) {
        count(x);
        return inner.predict(x);
    }

    @Override
    public Pass forward(INDArray x) {
        count(x);
        return inner.forward(x);
    }

    @Override public INDArray jvp(INDArray x, INDArray v) { return inner.jvp(x, v); }

    @Override public INDArray hvp(INDArray x, INDArray c, INDArray v) { return inner.hvp(x, c, v); }

    @Override public Model copy() { return new CountingModel(inner.copy(), rows); }

    @Override public Model withParams(INDArray w) { return new CountingModel(inner.withParams(w), rows); }

    @Override public String describe() { return "counting(" + inner.describe() + ")"; }
}
