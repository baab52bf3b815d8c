package catapult.engine.autodiff;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Accumulates a tangent kernel K = J J^T from per-group factors during one batched reverse
 * pass, so J is never formed. A dense group whose per-example gradient is the outer product
 * g_i x_i^T contributes (G G^T) o (X X^T); a sum of such products contributes every cross term.
 */
public final class KernelSink {
    private final INDArray k;

    /** A sink accumulating into a fresh zero N x N matrix of the given dtype. */
    public KernelSink(int rows, org.nd4j.linalg.api.buffer.DataType dtype) {
        this.k = Nd4j.zeros(dtype, rows, rows);
    }

    /** The accumulated kernel. */
    public INDArray kernel() { return k; }

    /** K += alpha (G1 G2^T) o (X1 X2^T). */
    public void addOuterPair(INDArray g1, INDArray g2, INDArray x1, INDArray x2, double alpha) {
        INDArray gg = Blas.gemm(g1, g2, k.ulike(), false, true, alpha, 0.0);
        INDArray xx = Blas.gemm(x1, x2, k.ulike(), false, true, 1.0, 0.0);
        k.addi(gg.muli(xx));
        Buffers.release(gg, xx);
    }

    /** K += alpha G G^T (bias-like factors whose per-example gradient is the row g_i). */
    public void addGram(INDArray g, double alpha) {
        Blas.gemm(g, g, k, false, true, alpha, 1.0);
    }
}
