package catapult.engine.data;

import catapult.numerics.Precision;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Reads comma-separated tables ({@code .csv} or gzip'd {@code .csv.gz}): one example per line,
 * numeric feature columns and one label column chosen by {@link LabelColumn}. A first line
 * is taken as a header when it has a non-numeric field where the next line has a number (or
 * when every field is non-numeric). Label columns of class ids follow the label convention of
 * {@link Labels}; a column of names (e.g. "setosa") becomes classes in sorted name order;
 * any other numeric column is a regression target.
 */
public final class CsvReader {

    static final String READER = "csv";
    /** Memory per byte of CSV while parsing: the bytes, their text, and up to 4 bytes of doubles per byte ("0,"). */
    static final double CSV_EXPANSION = 8;

    private CsvReader() {}

    /** Which column holds the label: "last", "first", a header name, a 0-based index, or none. */
    public record LabelColumn(String name, int index) {
        public static LabelColumn last() { return new LabelColumn("last", -1); }
        public static LabelColumn first() { return new LabelColumn("first", -1); }
        public static LabelColumn none() { return new LabelColumn("none", -1); }
        public static LabelColumn named(String name) { return new LabelColumn(name, -1); }
        public static LabelColumn at(int index) { return new LabelColumn(null, index); }
    }

    /** Reads a CSV file. */
    public static Dataset read(Path path, LabelColumn label, ReadOptions opts) {
        byte[] bytes = DataFiles.readAll(READER, path, CSV_EXPANSION);
        return parse(path.toString(), bytes, label, opts, 1.0, "csv " + path.getFileName());
    }

    /**
     * Parses CSV bytes; features are multiplied by {@code scale} (the digits set stores pixel
     * counts 0..16).
     */
    static Dataset parse(String file, byte[] bytes, LabelColumn label, ReadOptions opts, double scale, String what) {
        CsvTable table = CsvTable.parse(READER, file, new String(bytes, StandardCharsets.UTF_8), label);
        if (table.featureCount() == 0) {
            throw new DataFormatException(READER, file, "has no feature columns besides the label");
        }
        DataType dt = Precision.dtype();
        if (!table.hasLabel()) {
            int[] rows = ColumnLabels.sampleRows(READER, file, table.rowCount(), opts);
            return Dataset.inputsOnly(features(table, rows, scale, dt), what);
        }
        String[] cells = table.labels();
        double[] values = CsvTable.numbers(cells);
        ColumnLabels targets = values == null
                ? ColumnLabels.fromNames(READER, file, cells, opts, dt)
                : ColumnLabels.fromNumbers(READER, file, "label column '" + table.labelName() + "'", values, opts, dt);
        INDArray x = features(table, targets.rows(), scale, dt);
        return Dataset.of(x, targets.y(), targets.classesText().isEmpty() ? what : what + " " + targets.classesText());
    }

    private static INDArray features(CsvTable table, int[] rows, double scale, DataType dt) {
        int d = table.featureCount();
        double[] flat = new double[rows.length * d];
        for (int i = 0; i < rows.length; i++) {
            double[] row = table.features(rows[i]);
            for (int j = 0; j < d; j++) {
                flat[i * d + j] = row[j] * scale;
            }
        }
        return Nd4j.createFromArray(flat).reshape('c', rows.length, d).castTo(dt);
    }
}
