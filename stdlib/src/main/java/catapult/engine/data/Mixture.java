package catapult.engine.data;

import catapult.numerics.Precision;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A Gaussian mixture classification set (the thesis's Fig. 3.3 data: x ~ N(-2, 1) labelled -1
 * or N(2, 1) labelled +1): component c is chosen with probability 1/C, then
 * x ~ N(means[c], std^2 I). A value type so that the DSL and Java build it the same way.
 *
 * @param n      number of examples
 * @param d      input dimension
 * @param means  one mean per component: a scalar (the same in every coordinate) or a d-vector
 * @param std    standard deviation of every coordinate
 * @param labels the scalar target of each component, or null: +-1 for two components (first
 *               is -1), one-hot otherwise
 * @param onehot one-hot targets even for two components (ignores {@code labels})
 * @param seed   seed of the component choice and of the noise
 */
public record Mixture(int n, int d, double[][] means, double std, double[] labels, boolean onehot, long seed) {

    public Mixture {
        if (means.length == 0) {
            throw new IllegalArgumentException("a mixture needs at least one component mean");
        }
        for (double[] m : means) {
            if (m.length != 1 && m.length != d) {
                throw new IllegalArgumentException("each mixture mean must be a number or a vector of length d="
                        + d + ", got length " + m.length);
            }
        }
        if (labels != null && labels.length != means.length) {
            throw new IllegalArgumentException("a mixture has one label per mean; got " + labels.length + " labels for " + means.length + " means");
        }
    }

    /** Draws the dataset (dtype: ND4J's default floating type). */
    public Dataset generate() {
        DataType dt = Precision.dtype();
        int[] component = components();
        INDArray centers = Dataset.gatherRows(meanMatrix(dt), component);
        INDArray x = Draws.normal(seed, dt, n, d).muli(std).addi(centers);
        return Dataset.of(x, targets(component, dt), "mixture");
    }

    private int[] components() {
        SplittableRandom rng = new SplittableRandom(seed);
        int[] c = new int[n];
        for (int i = 0; i < n; i++) {
            c[i] = rng.nextInt(means.length);
        }
        return c;
    }

    private INDArray meanMatrix(DataType dt) {
        double[] flat = new double[means.length * d];
        for (int c = 0; c < means.length; c++) {
            for (int j = 0; j < d; j++) {
                flat[c * d + j] = means[c].length == 1 ? means[c][0] : means[c][j];
            }
        }
        return Nd4j.createFromArray(flat).reshape('c', means.length, d).castTo(dt);
    }

    private INDArray targets(int[] component, DataType dt) {
        int c = means.length;
        if (onehot || (labels == null && c != 2)) {
            return Labels.oneHot(component, c, dt);
        }
        double[] values = labels != null ? labels : new double[] {-1, 1};
        double[] y = Arrays.stream(component).mapToDouble(i -> values[i]).toArray();
        return Nd4j.createFromArray(y).reshape(n, 1).castTo(dt);
    }
}
