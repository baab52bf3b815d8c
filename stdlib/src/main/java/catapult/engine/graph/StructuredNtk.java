package catapult.engine.graph;

import catapult.engine.autodiff.KernelSink;
import catapult.engine.autodiff.OpProgram;
import catapult.engine.autodiff.Tape;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The empirical tangent kernel from per-group factors (docs/design.md): one batched forward and one
 * batched reverse pass, then sum over dense groups of (G G^T) o (X X^T) scaled, plus bias
 * Grams; J is never formed. For k outputs each example is repeated k times and seeded with the
 * one-hot cotangent of its output, so one pass gives the nk x nk kernel (row i*k + a).
 */
public final class StructuredNtk {
    private StructuredNtk() {}

    /**
     * @param w         parameters (the expansion point for a quadratic model)
     * @param delta     for the quadratic model, w - w0 (its per-example gradient is J + H delta);
     *                  null for the network's own kernel at w
     * @param x         n x inputSize
     */
    public static INDArray of(OpProgram program, INDArray w, INDArray delta, INDArray x, boolean quadratic) {
        int n = Math.toIntExact(x.rows());
        int k = program.outputSize();
        INDArray xr = k == 1 ? x : repeatRows(x, k);
        INDArray seed = k == 1 ? Nd4j.ones(program.dtype(), n, 1) : oneHots(n, k, program);
        KernelSink sink = new KernelSink(n * k, program.dtype());
        try (Tape t = program.forward(xr, w)) {
            if (quadratic) {
                program.tangents(t, w, delta, false);
                program.reverse(t, w, delta, seed, seed.mul(0.5), false, sink);
            } else {
                program.reverse(t, w, null, seed, null, false, sink);
            }
        }
        return sink.kernel();
    }

    /** Row i*k + a is x_i. */
    private static INDArray repeatRows(INDArray x, int k) {
        INDArray[] copies = new INDArray[k];
        java.util.Arrays.fill(copies, x);
        return Nd4j.hstack(copies).reshape('c', x.rows() * k, x.columns());
    }

    /** Row i*k + a is the unit vector e_a. */
    private static INDArray oneHots(int n, int k, OpProgram program) {
        INDArray eye = Nd4j.eye(k).castTo(program.dtype());
        INDArray[] blocks = new INDArray[n];
        java.util.Arrays.fill(blocks, eye);
        return Nd4j.vstack(blocks);
    }
}
