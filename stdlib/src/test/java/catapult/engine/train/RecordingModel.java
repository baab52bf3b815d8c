package catapult.engine.train;

import catapult.engine.models.Model;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Wraps a model and records the inputs of every forward pass (the batches it was trained on). */
final class RecordingModel implements Model {

    final Model inner;
    final List<INDArray> forwardInputs = new ArrayList<>();

    RecordingModel(Model inner) { this.inner = inner; }

    @Override public long paramCount() { return inner.paramCount(); }

    @Override public int outputCount() { return inner.outputCount(); }

    @Override public long[] inputShape() { return inner.inputShape(); }

    @Override public INDArray params() { return inner.params(); }

    @Override public INDArray initialParams() { return inner.initialParams(); }

    @Override public INDArray predict(INDArray x) { return inner.predict(x); }

    @Override
    public Pass forward(INDArray x) {
        forwardInputs.add(x.dup());
        return inner.forward(x);
    }

    @Override public INDArray jvp(INDArray x, INDArray v) { return inner.jvp(x, v); }

    @Override public INDArray hvp(INDArray x, INDArray c, INDArray v) { return inner.hvp(x, c, v); }

    @Override public Model copy() { return new RecordingModel(inner.copy()); }

    @Override public Model withParams(INDArray w) { return new RecordingModel(inner.withParams(w)); }

    @Override public String describe() { return "recording(" + inner.describe() + ")"; }
}
