package catapult.engine.autodiff;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The surviving edges of a dense group with dropped or restricted edges. Only those edges are
 * parameters, so the flat vector stores them compactly (row-major order of the kept
 * positions); this class maps between that compact form and the full units x fanin matrix.
 */
final class EdgeMask {
    private final int units;
    private final int fanin;
    private final int[] kept;     // kept positions, row-major
    private final int[] expand;   // full position -> compact index, or kept.length (a zero)

    EdgeMask(boolean[] mask, int units, int fanin) {
        this.units = units;
        this.fanin = fanin;
        int count = 0;
        for (boolean m : mask) if (m) count++;
        kept = new int[count];
        for (int i = 0, j = 0; i < mask.length; i++) if (mask[i]) kept[j++] = i;
        expand = new int[units * fanin];
        java.util.Arrays.fill(expand, count);
        for (int j = 0; j < count; j++) expand[kept[j]] = j;
    }

    /** Number of surviving edges. */
    int count() { return kept.length; }

    /** Kept positions, row-major (neuron v_e = p / fanin, source u_e = p % fanin). */
    int[] kept() { return kept; }

    /** Surviving edges per neuron; all fanin edges when mask is null. */
    static int[] inDegrees(boolean[] mask, int units, int fanin) {
        int[] deg = new int[units];
        for (int v = 0; v < units; v++) {
            if (mask == null) { deg[v] = fanin; continue; }
            for (int u = 0; u < fanin; u++) if (mask[v * fanin + u]) deg[v]++;
        }
        return deg;
    }

    /** The kept values of a full row-major weight array. */
    double[] compact(double[] full) {
        double[] out = new double[kept.length];
        for (int j = 0; j < kept.length; j++) out[j] = full[kept[j]];
        return out;
    }

    /** Zeroes the dropped entries of a full row-major weight array (a copy). */
    double[] zeroDropped(double[] full) {
        double[] out = new double[full.length];
        for (int p : kept) out[p] = full[p];
        return out;
    }

    /** The full units x fanin matrix (zeros at dropped edges) from the compact values. */
    INDArray expand(INDArray compact) {
        INDArray ext = Nd4j.zeros(compact.dataType(), kept.length + 1, 1);
        ext.get(NDArrayIndex.interval(0, kept.length), NDArrayIndex.all()).assign(compact.reshape(kept.length, 1));
        INDArray full = Nd4j.pullRows(ext, 1, expand).reshape('c', units, fanin);
        Buffers.release(ext);
        return full;
    }

    /** Writes the kept entries of a full units x fanin matrix into a compact 1-D target. */
    void compactInto(INDArray full, INDArray target) {
        INDArray flat = full.reshape('c', (long) units * fanin, 1);
        INDArray picked = Nd4j.pullRows(flat, 1, kept);
        target.assign(picked.reshape(kept.length));
        Buffers.release(picked);
    }
}
