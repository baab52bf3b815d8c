package catapult.engine.kernels;

import catapult.engine.PhaseClock;
import catapult.engine.PhaseClock.Phase;
import catapult.numerics.Precision;
import catapult.engine.data.Target;
import catapult.engine.data.TargetGradients;
import catapult.engine.models.Model;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The average gradient outer product of a model, G(f) = (1/n) sum_i grad_x f(x_i) grad_x f(x_i)'
 * (thesis Eq. 4.5), its counterpart for a target function (the EGOP G*), and their alignment
 * cos(G, G*) = Tr(G'G*) / (|G|_F |G*|_F) (Eq. 4.6): the feature-learning measure of Chapter 4.
 *
 * <p>For k outputs the AGOP is the sum over outputs of the per-output AGOPs,
 * (1/n) sum_i J_i' J_i with J_i the k x d input Jacobian at x_i. Inputs of any shape are
 * flattened, so G is d x d with d the flattened input size. Input gradients come batched from
 * one forward pass and one input-VJP per output, never from a per-example loop.
 */
public final class Agop {

    private Agop() {}

    /** G(f) of a model on inputs x (n x d or n x h x w x c), in x's dtype. */
    public static INDArray agop(Model model, INDArray x) {
        try (PhaseClock.Scope phase = PhaseClock.enter(Phase.KERNEL)) {
            return catapult.engine.autodiff.Scratch.run(() -> agopOf(model, x));
        }
    }

    /** Examples per block: a block's n x width arrays stay in the core's cache between passes. */
    static final int BLOCK_ROWS = 256;

    /**
     * G = (1/n) sum over row blocks of the block's input gradients' Gram. Blocks of about
     * {@link #BLOCK_ROWS} equal rows keep the elementwise passes (relu, masks, outer products) in
     * cache instead of memory, and reuse one set of tape buffers.
     */
    private static INDArray agopOf(Model model, INDArray x) {
        long n = x.size(0);
        long blocks = (n + BLOCK_ROWS - 1) / BLOCK_ROWS;
        long size = (n + blocks - 1) / blocks;
        INDArray g = null;
        for (long from = 0; from < n; from += size) {
            long to = Math.min(n, from + size);
            INDArray rows = blocks == 1 ? x : x.get(rowRange(x.rank(), from, to));
            g = blockInto(g, model, rows, n);
        }
        return g;
    }

    /** g + (1/n) sum over the block's rows and outputs of grad_x f grad_x f'. */
    private static INDArray blockInto(INDArray g, Model model, INDArray x, long n) {
        long rows = x.size(0);
        int k = model.outputCount();
        DataType dt = x.dataType().isFPType() ? x.dataType() : Precision.dtype();
        INDArray cot = k == 1 ? Nd4j.ones(dt, rows, 1) : Nd4j.zeros(dt, rows, k);
        try (Model.Pass pass = model.forward(x)) {
            for (int j = 0; j < k; j++) {
                catapult.lang.builtins.Cancellation.poll();   // one reverse pass per output: many outputs take long
                INDArray column = k == 1 ? null : cot.get(NDArrayIndex.all(), NDArrayIndex.point(j)).assign(1);
                INDArray raw = pass.inputVjp(cot);
                if (column != null) column.assign(0);
                g = accumulate(g, flat(raw), n);
                raw.close();
            }
            return g;
        } finally {
            cot.close();
        }
    }

    private static org.nd4j.linalg.indexing.INDArrayIndex[] rowRange(int rank, long from, long to) {
        org.nd4j.linalg.indexing.INDArrayIndex[] idx = new org.nd4j.linalg.indexing.INDArrayIndex[rank];
        idx[0] = NDArrayIndex.interval(from, to);
        for (int i = 1; i < rank; i++) idx[i] = NDArrayIndex.all();
        return idx;
    }


    /**
     * G* of a target on inputs x: exact from the analytic gradient when the target has one,
     * otherwise by batched central differences in float64 (2d evaluations of the target on the
     * whole batch). The result has x's dtype.
     */
    public static INDArray egop(Target target, INDArray x) {
        INDArray flat = flat(x);
        INDArray[] perOutput = TargetGradients.of(target, flat);
        INDArray g = null;
        for (INDArray gr : perOutput) {
            g = accumulate(g, gr, flat.size(0));
        }
        return g.castTo(x.dataType());
    }

    /** Tr(A'B) / (|A|_F |B|_F); NaN when either matrix is zero (0/0, as in NumPy). */
    public static double alignment(INDArray a, INDArray b) {
        if (!Arrays.equals(a.shape(), b.shape())) {
            throw new IllegalArgumentException("the matrices to align have different shapes, " + Arrays.toString(a.shape())
                    + " vs " + Arrays.toString(b.shape()));
        }
        INDArray a64 = a.castTo(DataType.DOUBLE);
        INDArray b64 = b.castTo(DataType.DOUBLE);
        double dot = a64.mul(b64).sumNumber().doubleValue();
        return dot / (a64.norm2Number().doubleValue() * b64.norm2Number().doubleValue());
    }

    /** g + grads' grads / n (g null: a new d x d matrix), one gemm. */
    private static INDArray accumulate(INDArray g, INDArray grads, long n) {
        long d = grads.size(1);
        INDArray target = g != null ? g : Nd4j.create(grads.dataType(), new long[] {d, d}, 'f');
        catapult.engine.autodiff.Blas.gemm(grads, grads, target, true, false, 1.0 / n, g != null ? 1.0 : 0.0);
        return target;
    }

    private static INDArray flat(INDArray a) {
        if (a.rank() == 2) {
            return a;
        }
        INDArray c = a.ordering() == 'c' ? a : a.dup('c');
        return c.reshape('c', a.size(0), a.length() / a.size(0));
    }
}
