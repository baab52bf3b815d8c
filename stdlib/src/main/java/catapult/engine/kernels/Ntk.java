package catapult.engine.kernels;

import catapult.engine.PhaseClock;
import catapult.engine.PhaseClock.Phase;
import catapult.engine.graph.Network;
import catapult.engine.models.LinearModel;
import catapult.engine.models.Model;
import catapult.engine.models.QuadraticModel;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.Arrays;

/**
 * The empirical neural tangent kernel K = J J' (thesis Eq. 2.17), J the n k x p Jacobian of the
 * outputs with respect to the parameters. Exists as the one entry point for {@code ntk}, critical
 * learning rates and kernel tracking, choosing the fastest exact method a model supports.
 *
 * <p>Ordering for k outputs is example-major: row/column {@code i*k + j} is example i, output j,
 * so the k x k block (i, i') holds the cross-output kernel of examples i and i'.
 *
 * <p>Methods: the engine's networks and their linear/quadratic models, or any model implementing
 * {@link HasStructuredNtk}, compute K themselves (per-group Gram products); every other model gets an exact chunked Jacobian contraction whose
 * Jacobian rows come from single-example reverse passes with one-hot cotangents, holding at most
 * {@link #DEFAULT_BUDGET_BYTES} of Jacobian rows at a time (blocks are recomputed when J does not
 * fit, so memory never grows with n p).
 */
public final class Ntk {

    /** Memory the Jacobian-contraction fallback may hold in Jacobian rows. */
    public static final long DEFAULT_BUDGET_BYTES = 256L << 20;

    private Ntk() {
    }

    /** The empirical NTK of m on the rows of x: n x n, or nk x nk (example-major) for k outputs. */
    public static INDArray of(Model m, INDArray x) {
        try (PhaseClock.Scope phase = PhaseClock.enter(Phase.KERNEL)) {
            checkInputs(m, x);
            try {
                if (m instanceof HasStructuredNtk s) {
                    return s.structuredNtk(x);
                }
                if (m instanceof Network net) {
                    return net.structuredNtk(x);
                }
                if (m instanceof LinearModel lin) {
                    return lin.structuredNtk(x);
                }
                if (m instanceof QuadraticModel quad) {
                    return quad.structuredNtk(x);
                }
            } catch (UnsupportedOperationException notForThisArchitecture) {
                // e.g. conv groups: the Jacobian contraction below is exact for every model
            }
            return byJacobian(m, x, DEFAULT_BUDGET_BYTES);
        }
    }

    /** The NTK by explicit Jacobian contraction within a memory budget (exact for every model). */
    public static INDArray byJacobian(Model m, INDArray x, long budgetBytes) {
        checkInputs(m, x);
        long rows = x.size(0) * m.outputCount();
        long bytesPerRow = m.paramCount() * m.params().dataType().width();
        int block = (int) Math.max(1, Math.min(rows, budgetBytes / Math.max(1, bytesPerRow)));
        int examplesPerBlock = Math.max(1, block / m.outputCount());
        long n = x.size(0);
        INDArray k = Nd4j.create(m.params().dataType(), new long[] {rows, rows}, 'f');
        for (long a = 0; a < n; a += examplesPerBlock) {
            long aEnd = Math.min(n, a + examplesPerBlock);
            INDArray ja = jacobianRows(m, x, a, aEnd);
            for (long b = a; b < n; b += examplesPerBlock) {
                long bEnd = Math.min(n, b + examplesPerBlock);
                INDArray jb = b == a ? ja : jacobianRows(m, x, b, bEnd);
                putBlock(k, ja, jb, a * m.outputCount(), b * m.outputCount());
                if (jb != ja) {
                    jb.close();
                }
            }
            ja.close();
        }
        return k;
    }

    /**
     * The Jacobian rows of examples [from, to): (to-from) k x p, example-major. Each example gets
     * one forward pass and k reverse passes with one-hot cotangents.
     */
    public static INDArray jacobianRows(Model m, INDArray x, long from, long to) {
        int outs = m.outputCount();
        INDArray j = Nd4j.create(m.params().dataType(), (to - from) * outs, m.paramCount());
        INDArray onehot = Nd4j.zeros(m.params().dataType(), 1, outs);
        for (long i = from; i < to; i++) {
            try (Model.Pass pass = m.forward(x.get(rowRange(x, i, i + 1)))) {
                for (int o = 0; o < outs; o++) {
                    onehot.putScalar(0, o, 1.0);
                    INDArray row = pass.vjp(onehot);
                    j.putRow((i - from) * outs + o, row);
                    row.close();
                    onehot.putScalar(0, o, 0.0);
                }
            }
        }
        return j;
    }

    /**
     * K as a matrix-free operator: v (length n k) -> J (J' v), one reverse and one forward-mode
     * pass per product. Used for Lanczos when n k is too large to form K.
     */
    public static PassOperator operator(Model m, INDArray x) {
        checkInputs(m, x);
        long n = x.size(0);
        int outs = m.outputCount();
        Model.Pass pass = m.forward(x);
        return new PassOperator(pass, v -> {
            INDArray jtv = pass.vjp(v.reshape(n, outs));
            INDArray kv = m.jvp(x, jtv).reshape(n * outs);
            jtv.close();
            return kv;
        });
    }

    private static void putBlock(INDArray k, INDArray ja, INDArray jb, long rowOff, long colOff) {
        INDArray block = Nd4j.gemm(ja, jb, false, true);
        INDArrayIndex rows = NDArrayIndex.interval(rowOff, rowOff + ja.size(0));
        INDArrayIndex cols = NDArrayIndex.interval(colOff, colOff + jb.size(0));
        k.put(new INDArrayIndex[] {rows, cols}, block);
        if (rowOff != colOff) {
            k.put(new INDArrayIndex[] {cols, rows}, block.transpose());
        }
        block.close();
    }

    /** Indices selecting rows [from, to) of an n x ... input of any rank. */
    static INDArrayIndex[] rowRange(INDArray x, long from, long to) {
        INDArrayIndex[] idx = new INDArrayIndex[x.rank()];
        idx[0] = NDArrayIndex.interval(from, to);
        for (int d = 1; d < idx.length; d++) {
            idx[d] = NDArrayIndex.all();
        }
        return idx;
    }

    /** Checks that x holds n >= 1 examples whose size matches the model's input. */
    static void checkInputs(Model m, INDArray x) {
        if (x == null || x.rank() < 2 || x.size(0) < 1) {
            throw new IllegalArgumentException("inputs must be an n x d tensor with n >= 1, got shape "
                    + (x == null ? "none" : Arrays.toString(x.shape())));
        }
        long perExample = x.length() / x.size(0);
        if (Arrays.stream(m.inputShape()).anyMatch(s -> s < 0)) return; // any input size (general quadratic model)
        long expected = Arrays.stream(m.inputShape()).reduce(1, (p, q) -> p * q);
        if (perExample != expected) {
            throw new IllegalArgumentException("each input has " + perExample
                    + " values but the model expects " + Arrays.toString(m.inputShape()));
        }
    }
}
