package catapult.engine.autodiff;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * One op's view of its segment of flat vectors (weights as a units x fanin matrix, or the
 * biases), remembered for the last few vectors it was asked about. Building a view costs ~10 us
 * (more than a small step's whole elementwise work), and a training loop asks about the same
 * few vectors (parameters, gradient buffer, direction) at every step. Thread-safe.
 */
final class SegmentViews {
    private static final int ENTRIES = 6;

    private final java.util.function.LongSupplier offset;
    private final long rows;
    private final long cols;
    private final INDArray[] flats = new INDArray[ENTRIES];
    private final INDArray[] views = new INDArray[ENTRIES];
    private int next;

    /**
     * Views of [offset, offset + rows * cols) as rows x cols (c order), or as a vector when cols is
     * 0; the offset is read at first use (a program assigns segments after creating its ops).
     */
    SegmentViews(java.util.function.LongSupplier offset, long rows, long cols) {
        this.offset = offset;
        this.rows = rows;
        this.cols = cols;
    }

    synchronized INDArray of(INDArray flat) {
        for (int i = 0; i < ENTRIES; i++) {
            if (flats[i] == flat && !flat.wasClosed()) return views[i];
        }
        long len = cols == 0 ? rows : rows * cols;
        long from = offset.getAsLong();
        INDArray v = flat.get(NDArrayIndex.interval(from, from + len));
        if (cols != 0) v = v.reshape('c', rows, cols);
        flats[next] = flat;
        views[next] = v;
        next = (next + 1) % ENTRIES;
        return v;
    }
}
