package catapult.engine.autodiff;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Kernel contribution of a dense group with dropped edges. A mask breaks the Hadamard
 * factorization (G G^T) o (X X^T), so the per-example Jacobian of the surviving edges is
 * built in column chunks under a fixed memory budget and contracted chunk by chunk.
 */
final class MaskedJacobian {
    /** Elements of one Jacobian chunk (n x edges); bounds the extra memory. */
    private static final long CHUNK_ELEMENTS = 1L << 22;

    private MaskedJacobian() {}

    /**
     * K += J J^T (J built as n x edges chunks) where J[i, e] = alpha (g[i, v_e] x[i, u_e] + g2[i, v_e] x2[i, u_e]) over kept
     * edges e = (v_e, u_e); g2/x2 may be null.
     */
    static void accumulate(KernelSink sink, INDArray g, INDArray g2, INDArray x, INDArray x2,
                           int[] kept, int units, int fanin, double alpha) {
        int n = Math.toIntExact(x.rows());
        int chunk = (int) Math.max(1, Math.min(kept.length, CHUNK_ELEMENTS / Math.max(1, n)));
        for (int from = 0; from < kept.length; from += chunk) {
            int to = Math.min(kept.length, from + chunk);
            int[] v = new int[to - from];
            int[] u = new int[to - from];
            for (int e = from; e < to; e++) {
                v[e - from] = kept[e] / fanin;
                u[e - from] = kept[e] % fanin;
            }
            INDArray jt = product(g, x, v, u);
            if (g2 != null && x2 != null) {
                INDArray more = product(g2, x2, v, u);
                jt.addi(more);
                Buffers.release(more);
            }
            Nd4j.gemm(jt, jt, sink.kernel(), false, true, alpha * alpha, 1.0);
            Buffers.release(jt);
        }
    }

    /** (n x edges): column e is g[:, v_e] o x[:, u_e]. */
    private static INDArray product(INDArray g, INDArray x, int[] v, int[] u) {
        INDArray gc = Nd4j.pullRows(g, 0, v);
        INDArray xc = Nd4j.pullRows(x, 0, u);
        gc.muli(xc);
        Buffers.release(xc);
        return gc;
    }
}
