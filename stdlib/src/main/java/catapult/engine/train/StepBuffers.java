package catapult.engine.train;

import catapult.engine.models.Model;
import java.util.HashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The arrays one model's training steps write into, allocated once per run: the gradient
 * (length p) and the loss cotangent dL/df per batch size (n x k). With the tapes' slots and the
 * gathered batches this makes a steady-state step allocation-free.
 */
final class StepBuffers {
    private final Model model;
    private final int k;
    private final Map<Integer, INDArray> cotangents = new HashMap<>();
    private INDArray gradient;

    StepBuffers(Model model, int k) {
        this.model = model;
        this.k = k;
    }

    /** The gradient buffer (the parameters' length and dtype). */
    INDArray gradient() {
        if (gradient == null) gradient = Nd4j.createUninitialized(model.params().dataType(), model.paramCount());
        return gradient;
    }

    /** The n x k cotangent buffer for batches of n examples. */
    INDArray cotangent(int n) {
        return cotangents.computeIfAbsent(n, rows -> Nd4j.createUninitialized(model.params().dataType(), new long[] {rows, k}, 'c'));
    }
}
