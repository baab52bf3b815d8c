package catapult.engine.data;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Targets built from a label column (of a CSV table or an NPY label vector), together with the
 * rows kept by {@code classes:} and {@code n:}. A column of integer class ids follows the label
 * convention of {@link Labels}; a column of names becomes classes in sorted name order; any
 * other numeric column is a regression target (n x 1).
 *
 * @param rows        the kept rows, ascending
 * @param y           their targets
 * @param classesText "0/2" style text of the requested classes, or "" when none were requested
 */
record ColumnLabels(int[] rows, INDArray y, String classesText) {

    /** Targets from numeric labels. */
    static ColumnLabels fromNumbers(String reader, String file, String column, double[] values, ReadOptions opts, DataType dt) {
        int[] ids = Labels.asClassIds(values, opts.labels());
        if (ids == null) {
            return raw(reader, file, column, values, opts, dt);
        }
        ClassSelection sel = ClassSelection.select(reader, file, ids, null, opts);
        String text = opts.classes() == null ? "" : sel.classesText();
        return new ColumnLabels(sel.rows(), Labels.encode(sel, opts.labels(), dt), text);
    }

    private static ColumnLabels raw(String reader, String file, String column, double[] values, ReadOptions opts, DataType dt) {
        if (opts.classes() != null || opts.labels() == LabelMode.ONEHOT) {
            throw new DataFormatException(reader, file, column + " does not hold integer class ids, "
                    + "so it cannot be split into classes");
        }
        int[] rows = sampleRows(reader, file, values.length, opts);
        double[] y = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            y[i] = values[rows[i]];
        }
        return new ColumnLabels(rows, Nd4j.createFromArray(y).reshape(rows.length, 1).castTo(dt), "");
    }

    /** Targets from class names (sorted names are classes 0, 1, ...). */
    static ColumnLabels fromNames(String reader, String file, String[] cells, ReadOptions opts, DataType dt) {
        if (opts.classes() != null) {
            throw new DataFormatException(reader, file, "the label column holds class names, "
                    + "so classes: (a list of class ids) does not apply");
        }
        String[] names = Arrays.stream(cells).distinct().sorted().toArray(String[]::new);
        int[] ids = Arrays.stream(cells).mapToInt(c -> Arrays.binarySearch(names, c)).toArray();
        ClassSelection sel = ClassSelection.select(reader, file, ids, null, opts);
        LabelMode mode = opts.labels() == LabelMode.RAW ? LabelMode.AUTO : opts.labels();
        return new ColumnLabels(sel.rows(), Labels.encode(sel, mode, dt), String.join("/", names));
    }

    /** All rows, or a seeded sample of opts.n() of them (ascending). */
    static int[] sampleRows(String reader, String file, int n, ReadOptions opts) {
        if (!opts.limitsN() || opts.n() == n) {
            return java.util.stream.IntStream.range(0, n).toArray();
        }
        if (opts.n() > n || opts.n() == 0) {
            throw new DataFormatException(reader, file, "asked for n=" + opts.n() + " examples but the file holds " + n);
        }
        return ClassSelection.sampleIndices(n, opts.n(), opts.seed());
    }
}
