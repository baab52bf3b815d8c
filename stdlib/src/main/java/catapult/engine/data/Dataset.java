package catapult.engine.data;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A supervised data set: inputs x (n x d, or n x h x w x c for images, c order) and targets y
 * (n x k). It is the one value every reader, generator and transform produces and every model,
 * kernel and trainer consumes, so its conventions live here: two-class labels are +-1 scalars
 * (k = 1), more classes are one-hot, image pixels are in [0, 1].
 *
 * <p>Immutable by convention: no method changes x or y; transforms return new datasets. The
 * arrays returned by {@link #x()} and {@link #y()} are the stored ones (no copy, for speed);
 * callers must not write into them.
 */
public final class Dataset {

    private final INDArray x;
    private final INDArray y;
    private final String description;

    private Dataset(INDArray x, INDArray y, String description) {
        this.x = x;
        this.y = y;
        this.description = description == null ? "" : description;
    }

    /**
     * A dataset of inputs x (rank 1 is read as n x 1) and targets y (rank 1 is read as n x 1).
     *
     * @throws IllegalArgumentException when x and y disagree on n or y has rank above 2
     */
    public static Dataset of(INDArray x, INDArray y, String description) {
        INDArray xs = x.rank() == 1 ? x.reshape('c', x.length(), 1) : x;
        INDArray ys = y.rank() == 1 ? y.reshape('c', y.length(), 1) : y;
        if (ys.rank() != 2) {
            throw new IllegalArgumentException("a dataset's y must be n x k, got shape " + Arrays.toString(y.shape()));
        }
        if (xs.size(0) != ys.size(0)) {
            throw new IllegalArgumentException("a dataset's x has " + xs.size(0) + " rows but y has " + ys.size(0));
        }
        if (xs.size(0) == 0) {
            throw new IllegalArgumentException("a dataset needs at least one example (n = 0)");
        }
        return new Dataset(contiguous(xs), contiguous(ys), description);
    }

    /** Inputs only (regression inputs to pair with {@code regress}): y = 0 (n x 1). */
    public static Dataset inputsOnly(INDArray x, String description) {
        long n = x.size(0);
        return of(x, Nd4j.zeros(x.dataType(), n, 1), description);
    }

    private static INDArray contiguous(INDArray a) {
        return a.ordering() == 'c' && !a.isView() ? a : a.dup('c');
    }

    /** Inputs, n x d or n x h x w x c. */
    public INDArray x() { return x; }

    /** Targets, n x k. */
    public INDArray y() { return y; }

    /** Inputs flattened to n x d (a view of {@link #x()}). */
    public INDArray xFlat() { return x.rank() == 2 ? x : x.reshape('c', n(), d()); }

    /** Number of examples. */
    public int n() { return (int) x.size(0); }

    /** Flattened input size (784 for MNIST). */
    public int d() { return (int) (x.length() / x.size(0)); }

    /** Number of target columns. */
    public int k() { return (int) y.size(1); }

    /** Shape of one input example, e.g. {100} or {28, 28, 1}. */
    public long[] inputShape() { return Arrays.copyOfRange(x.shape(), 1, x.rank()); }

    /** What the data is, e.g. "mnist 0/2" (may be empty). */
    public String description() { return description; }

    /** A copy of this dataset described differently. */
    public Dataset withDescription(String newDescription) { return new Dataset(x, y, newDescription); }

    /** The same targets with new inputs (same n). */
    public Dataset withX(INDArray newX) { return of(newX, y, description); }

    /** The same inputs with new targets (same n). */
    public Dataset withY(INDArray newY) { return of(x, newY, description); }

    /**
     * Rows a (inclusive) to b (exclusive). Negative indices count from the end and out-of-range
     * bounds are clamped, as in Python slicing; an empty result is an error.
     */
    public Dataset slice(long a, long b) {
        int n = n();
        int from = clampBound(a, n);
        int to = clampBound(b, n);
        if (to <= from) {
            throw new IllegalArgumentException("dataset slice [" + a + ":" + b + "] of a dataset with n="
                    + n + " is empty");
        }
        INDArray xs = x.get(rowRange(from, to, x.rank())).dup('c');
        INDArray ys = y.get(NDArrayIndex.interval(from, to), NDArrayIndex.all()).dup('c');
        return new Dataset(xs, ys, description);
    }

    private static int clampBound(long i, int n) {
        long j = i < 0 ? i + n : i;
        return (int) Math.max(0, Math.min(n, j));
    }

    private static org.nd4j.linalg.indexing.INDArrayIndex[] rowRange(int from, int to, int rank) {
        org.nd4j.linalg.indexing.INDArrayIndex[] idx = new org.nd4j.linalg.indexing.INDArrayIndex[rank];
        idx[0] = NDArrayIndex.interval(from, to);
        for (int i = 1; i < rank; i++) {
            idx[i] = NDArrayIndex.all();
        }
        return idx;
    }

    /** The rows at the given indices, in that order (negative indices count from the end). */
    public Dataset rows(int[] indices) {
        int n = n();
        int[] idx = new int[indices.length];
        for (int i = 0; i < idx.length; i++) {
            int j = indices[i] < 0 ? indices[i] + n : indices[i];
            if (j < 0 || j >= n) {
                throw new IllegalArgumentException("row index " + indices[i] + " out of range for n=" + n);
            }
            idx[i] = j;
        }
        if (idx.length == 0) {
            throw new IllegalArgumentException("no rows selected");
        }
        return new Dataset(gatherRows(x, idx), gatherRows(y, idx), description);
    }

    /** Rows of a c-ordered array of any rank (one batched gather, no per-row Java loop over data). */
    static INDArray gatherRows(INDArray a, int[] idx) {
        long rowLen = a.length() / a.size(0);
        INDArray flat = a.reshape('c', a.size(0), rowLen);
        INDArray picked = Nd4j.pullRows(flat, 1, idx);
        long[] shape = a.shape().clone();
        shape[0] = idx.length;
        return picked.reshape('c', shape);
    }

    /** One line for the REPL: "dataset(n=256, d=784, k=1, mnist 0/2)". */
    public String describe() {
        String what = description.isEmpty() ? "" : ", " + description;
        return "dataset(n=" + n() + ", d=" + d() + ", k=" + k() + what + ")";
    }

    @Override
    public String toString() { return describe(); }
}
