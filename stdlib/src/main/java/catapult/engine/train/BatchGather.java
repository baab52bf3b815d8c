package catapult.engine.train;

import catapult.engine.PhaseClock;
import catapult.engine.autodiff.Fused;
import catapult.engine.data.Dataset;
import java.util.HashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Mini-batches gathered into buffers allocated once per batch size (a run has at most two: the
 * batch and an epoch's remainder). The returned dataset is the same object for every batch of a
 * size, refilled in place; models that cache per input (the Taylor models' tapes at w0) notice
 * the new values by their fingerprint.
 */
final class BatchGather {
    private final Dataset data;
    private final Map<Integer, Dataset> bySize = new HashMap<>();

    BatchGather(Dataset data) { this.data = data; }

    /** The rows of the training data at {@code rows}, in that order. */
    Dataset rows(int[] rows) {
        try (PhaseClock.Scope ignored = PhaseClock.enter(PhaseClock.Phase.GATHER)) {
            Dataset buffer = bySize.computeIfAbsent(rows.length, this::allocate);
            Fused.gatherRows(data.x(), rows, rows.length, buffer.x());
            Fused.gatherRows(data.y(), rows, rows.length, buffer.y());
            return buffer;
        }
    }

    private Dataset allocate(int size) {
        long[] shape = data.x().shape().clone();
        shape[0] = size;
        INDArray x = Nd4j.create(data.x().dataType(), shape, 'c');
        INDArray y = Nd4j.create(data.y().dataType(), new long[] {size, data.k()}, 'c');
        return Dataset.of(x, y, data.description());
    }
}
