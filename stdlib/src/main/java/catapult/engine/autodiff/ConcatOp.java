package catapult.engine.autodiff;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Concatenation of groups: along channels for images of equal height and width (each
 * example's values are P positions x c_i channels), else of the flattened features (P = 1).
 */
public final class ConcatOp extends LinearOp {
    private final int positions;
    private final int[] widths;

    /**
     * @param positions spatial positions per example (h*w for a channel concat, 1 otherwise)
     * @param widths    per-source features per position
     */
    public ConcatOp(int id, int[] src, int positions, int[] widths, long[] shape) {
        super(id, src, shape);
        this.positions = positions;
        this.widths = widths.clone();
    }

    @Override
    INDArray map(INDArray[] in, int n) {
        INDArray ref = null;
        for (INDArray x : in) if (x != null) ref = x;
        if (ref == null) return null;
        INDArray[] blocks = new INDArray[in.length];
        for (int i = 0; i < in.length; i++) {
            blocks[i] = in[i] == null ? Nd4j.zeros(ref.dataType(), (long) n * positions, widths[i])
                    : in[i].reshape('c', (long) n * positions, widths[i]);
        }
        INDArray joined = Nd4j.hstack(blocks);
        return positions == 1 ? joined : joined.reshape('c', n, size);
    }

    @Override
    INDArray[] transpose(INDArray g) {
        long n = g.rows();
        INDArray rows = g.reshape('c', n * positions, size / positions);
        INDArray[] parts = new INDArray[widths.length];
        int from = 0;
        for (int i = 0; i < widths.length; i++) {
            INDArray block = rows.get(NDArrayIndex.all(), NDArrayIndex.interval(from, from + widths[i]));
            parts[i] = block.dup('c').reshape('c', n, (long) positions * widths[i]);
            from += widths[i];
        }
        return parts;
    }
}
