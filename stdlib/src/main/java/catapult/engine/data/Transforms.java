package catapult.engine.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The dataset transforms of the language: disjoint splits, seeded subsets, per-feature
 * standardization, unit-norm rows, label noise and the scaled example of the thesis's Fig. 4.5.
 * Each returns a new dataset and leaves its argument unchanged.
 */
public final class Transforms {

    private Transforms() {}

    /**
     * Disjoint parts of the given sizes, drawn by one seeded permutation (each part keeps the
     * original row order). The sizes may sum to less than n; the rest is dropped.
     */
    public static List<Dataset> split(Dataset data, int[] sizes, long seed) {
        long total = Arrays.stream(sizes).asLongStream().sum();
        if (total > data.n()) {
            throw new IllegalArgumentException("parts of sizes " + Arrays.toString(sizes) + " add up to " + total
                    + " but the dataset has n=" + data.n());
        }
        int[] perm = ClassSelection.permutation(data.n(), seed);
        List<Dataset> parts = new ArrayList<>();
        int at = 0;
        for (int size : sizes) {
            int[] rows = Arrays.copyOfRange(perm, at, at + size);
            Arrays.sort(rows);
            parts.add(data.rows(rows));
            at += size;
        }
        return parts;
    }

    /** n rows chosen without replacement by a seeded draw (kept in their original order). */
    public static Dataset subset(Dataset data, int n, long seed) {
        if (n > data.n()) {
            throw new IllegalArgumentException("cannot take " + n + " rows of a dataset with n=" + data.n());
        }
        return data.rows(ClassSelection.sampleIndices(data.n(), n, seed));
    }

    /**
     * Per-feature zero mean and unit standard deviation (population std, as NumPy's default),
     * using the dataset's own statistics; constant features are only centred.
     */
    public static Dataset standardize(Dataset data) {
        return standardize(data, data);
    }

    /**
     * Standardizes {@code data} with the mean and std of {@code reference} (e.g. a test set with
     * its training set's statistics, so both see the same map).
     */
    public static Dataset standardize(Dataset data, Dataset reference) {
        if (data.d() != reference.d()) {
            throw new IllegalArgumentException("the data has d=" + data.d() + " but the reference has d="
                    + reference.d());
        }
        INDArray ref = reference.xFlat();
        INDArray mean = ref.mean(true, 0);
        INDArray std = ref.std(false, true, 0);
        std.addi(std.eq(0).castTo(std.dataType()));
        INDArray x = data.xFlat().subRowVector(mean).diviRowVector(std);
        return data.withX(x.reshape('c', data.x().shape()));
    }

    /** Each input row divided by its Euclidean norm (zero rows stay zero). */
    public static Dataset normalize(Dataset data) {
        INDArray flat = data.xFlat();
        INDArray norms = flat.norm2(true, 1);
        norms.addi(norms.eq(0).castTo(norms.dataType()));
        return data.withX(flat.divColumnVector(norms).reshape('c', data.x().shape()));
    }

    /**
     * Replaces each label, independently with probability p, by a different class chosen
     * uniformly: a sign flip for +-1 labels, another one-hot column otherwise.
     *
     * @throws IllegalArgumentException when y holds neither +-1 nor one-hot labels
     */
    public static Dataset labelNoise(Dataset data, double p, long seed) {
        double[][] y = data.y().toDoubleMatrix();
        boolean plusMinus = data.k() == 1 && Arrays.stream(y).allMatch(r -> Math.abs(r[0]) == 1);
        if (!plusMinus && !isOneHot(y)) {
            throw new IllegalArgumentException("label noise needs class labels (+-1 or one-hot rows), "
                    + "but y is not (regression targets have no classes to swap)");
        }
        SplittableRandom rng = new SplittableRandom(seed);
        for (double[] row : y) {
            if (rng.nextDouble() < p) {
                swapClass(row, plusMinus, rng);
            }
        }
        return data.withY(org.nd4j.linalg.factory.Nd4j.createFromArray(y).castTo(data.y().dataType()));
    }

    private static boolean isOneHot(double[][] y) {
        return y[0].length > 1 && Arrays.stream(y).allMatch(
                r -> Arrays.stream(r).filter(v -> v == 1).count() == 1 && Arrays.stream(r).allMatch(v -> v == 0 || v == 1));
    }

    private static void swapClass(double[] row, boolean plusMinus, SplittableRandom rng) {
        if (plusMinus) {
            row[0] = -row[0];
            return;
        }
        int current = 0;
        while (row[current] != 1) {
            current++;
        }
        int other = rng.nextInt(row.length - 1);
        row[current] = 0;
        row[other >= current ? other + 1 : other] = 1;
    }

    /** Multiplies x_i and y_i by c (negative i counts from the end): the thesis's Fig. 4.5 setup. */
    public static Dataset scaleExample(Dataset data, int i, double c) {
        int row = i < 0 ? i + data.n() : i;
        if (row < 0 || row >= data.n()) {
            throw new IllegalArgumentException("example index " + i + " out of range for n=" + data.n());
        }
        INDArray x = data.x().dup('c');
        INDArray y = data.y().dup('c');
        x.reshape('c', data.n(), data.d()).getRow(row).muli(c);
        y.get(NDArrayIndex.point(row), NDArrayIndex.all()).muli(c);
        return Dataset.of(x, y, data.description());
    }
}
