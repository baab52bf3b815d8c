package catapult.engine.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One tracked quantity of a run: the steps t at which it was measured and a row of values per
 * step (one value for scalars, k for {@code ntk_eigs(k)}, two for {@code loss_split}). Values are
 * measurements, kept and handed out in float64 whatever the model's dtype, so a series entry and
 * the same number in {@code run.final} agree exactly.
 */
public final class Series {

    private final String name;
    private final List<String> columns;
    private final List<Integer> steps = new ArrayList<>();
    private final List<double[]> rows = new ArrayList<>();

    /** {@code columns}: one name per value in a row, e.g. [ntk_eigs_0, ntk_eigs_1]; [name] for scalars. */
    public Series(String name, List<String> columns) {
        this.name = name;
        this.columns = List.copyOf(columns);
    }

    /** A scalar series. */
    public static Series scalar(String name) {
        return new Series(name, List.of(name));
    }

    public void add(int step, double... values) {
        if (values.length != columns.size()) {
            throw new IllegalStateException("series '" + name + "' expected " + columns.size() + " values, got " + values.length);
        }
        steps.add(step);
        rows.add(values.clone());
    }

    public String name() { return name; }

    /** Names of the values in one row (table and CSV column names). */
    public List<String> columns() { return columns; }

    public int width() { return columns.size(); }

    /** A one-number metric ("loss"); vector metrics such as ntk_eigs(1) stay rows x k. */
    public boolean isScalar() { return columns.size() == 1 && columns.get(0).equals(name); }

    public int size() { return rows.size(); }

    public boolean isEmpty() { return rows.isEmpty(); }

    /** The steps t of the entries ({@code run.when(name)}). */
    public int[] when() {
        return steps.stream().mapToInt(Integer::intValue).toArray();
    }

    public int stepAt(int i) { return steps.get(i); }

    public double[] row(int i) { return rows.get(i).clone(); }

    /** The latest row, or null when nothing has been recorded. */
    public double[] last() { return rows.isEmpty() ? null : rows.get(rows.size() - 1).clone(); }

    /** Column c of every row. */
    public double[] column(int c) {
        double[] out = new double[rows.size()];
        for (int i = 0; i < out.length; i++) out[i] = rows.get(i)[c];
        return out;
    }

    /** Scalars as a vector of length size(); wider series as a size() x width() matrix. */
    public INDArray toArray() {
        if (isScalar()) return Nd4j.createFromArray(column(0));
        double[][] data = rows.toArray(new double[0][]);
        if (data.length == 0) return Nd4j.create(DataType.DOUBLE, 0, width());
        return Nd4j.createFromArray(data);
    }

    @Override
    public String toString() {
        return name + "[" + rows.size() + "]" + (rows.isEmpty() ? "" : " last=" + Arrays.toString(rows.get(rows.size() - 1)));
    }
}
