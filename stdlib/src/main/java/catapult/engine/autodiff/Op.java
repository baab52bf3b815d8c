package catapult.engine.autodiff;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * One compiled neuron group of a network DAG. Each kind knows three rules: the forward value,
 * the second-order Taylor rule (how the coefficients b, c of its inputs and of the parameter
 * direction d combine into its own), and the reverse rule of that Taylor computation. The plain
 * vjp is the first-order case of the reverse rule, so one rule serves gradients, input
 * gradients, Hessian-vector products and the linear and quadratic models.
 *
 * <p>Values are n x size matrices (one row per example; images flattened channels-last).
 * Parameterized ops own the segment [paramOffset, paramOffset + paramCount) of the flat vector.
 */
public abstract class Op {
    /** Node id (index into tape arrays). */
    public final int id;
    /** Source node ids. */
    protected final int[] src;
    /** Per-example shape, e.g. {1024} or {28, 28, 8}. */
    public final long[] shape;
    /** Features per example: the product of {@link #shape}. */
    public final int size;
    long paramOffset;
    long paramCount;

    protected Op(int id, int[] src, long[] shape) {
        this.id = id;
        this.src = src.clone();
        this.shape = shape.clone();
        long s = 1;
        for (long d : shape) s *= d;
        this.size = Math.toIntExact(s);
    }

    /** Source node ids (a copy). */
    public int[] sources() { return src.clone(); }

    /** Number of trainable parameters this op owns (0 for fixed ops and frozen groups). */
    public long paramCount() { return paramCount; }

    /** First index of this op's segment in the flat parameter vector. */
    public long paramOffset() { return paramOffset; }

    /**
     * Whether this op uses the c-cotangent of its output, given which nodes vary with the
     * direction, which need b-cotangents and which need c-cotangents (sources already decided).
     * The default is a fixed linear op: it only passes c-cotangents on.
     */
    boolean usesSecondCotangent(boolean[] varies, boolean[] needed, boolean[] neededC, boolean params) {
        return any(neededC);
    }

    /** Whether the flag is set for any source. */
    protected boolean any(boolean[] flags) {
        for (int s : src) if (flags[s]) return true;
        return false;
    }

    /** Sets t.a[id] from the sources' values and parameters w. */
    abstract void forward(Tape t, INDArray w);

    /** Sets t.b[id] (and t.c[id] when {@code second}) for parameter direction d; null = zero. */
    abstract void tangent(Tape t, INDArray w, INDArray d, boolean second);

    /**
     * Pulls cot.b(id), cot.c(id) back to the sources and writes this op's segment of the
     * gradient with respect to the direction d (the parameter gradient for a plain vjp).
     */
    abstract void reverse(Tape t, INDArray w, INDArray d, Cotangents cot, INDArray grad);

    /** The segment [from, from + len) of a flat vector, as a view. */
    protected static INDArray segment(INDArray flat, long from, long len) {
        return flat.get(NDArrayIndex.interval(from, from + len));
    }
}
