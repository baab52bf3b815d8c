package catapult.engine.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A parsed CSV table: an optional header, the feature columns as numbers and the label column
 * as text. Parsing streams over the lines and keeps only numbers for features, so a table the
 * size of MNIST in CSV form (60,000 x 785) costs its doubles, not tens of millions of strings.
 * A first line is a header when it has a non-numeric field where the next line has a number,
 * or when no field of it is a number.
 */
final class CsvTable {

    private final String reader;
    private final String file;
    private final String[] header;
    private final int width;
    private final int labelCol;
    private final List<double[]> features = new ArrayList<>();
    private final List<String> labels = new ArrayList<>();

    private CsvTable(String reader, String file, String[] header, int width, int labelCol) {
        this.reader = reader;
        this.file = file;
        this.header = header;
        this.width = width;
        this.labelCol = labelCol;
    }

    /** Parses the text; {@code label} picks the label column (or none). */
    static CsvTable parse(String reader, String file, String text, CsvReader.LabelColumn label) {
        Lines lines = new Lines(text);
        if (!lines.advance()) {
            throw new DataFormatException(reader, file, "is empty");
        }
        String[] first = split(lines.line());
        int firstNumber = lines.number();
        boolean hasSecond = lines.advance();
        boolean isHeader = isHeader(first, hasSecond ? split(lines.line()) : null);
        String[] header = isHeader ? first : null;
        CsvTable table = new CsvTable(reader, file, header, first.length, resolve(reader, file, label, header, first.length));
        if (!isHeader) {
            table.add(first, firstNumber);
        }
        if (!hasSecond && isHeader) {
            throw new DataFormatException(reader, file, "has a header but no data rows");
        }
        for (boolean more = hasSecond; more; more = lines.advance()) {
            catapult.lang.builtins.Cancellation.poll(lines.number());
            table.add(split(lines.line()), lines.number());
        }
        return table;
    }

    private void add(String[] fields, int lineNumber) {
        if (fields.length != width) {
            throw new DataFormatException(reader, file, "line " + lineNumber + " has " + fields.length
                    + " fields, expected " + width);
        }
        double[] row = new double[labelCol >= 0 ? width - 1 : width];
        int j = 0;
        for (int c = 0; c < width; c++) {
            if (c == labelCol) {
                labels.add(fields[c]);
            } else {
                row[j++] = number(fields[c], lineNumber, c);
            }
        }
        features.add(row);
    }

    private double number(String cell, int lineNumber, int c) {
        try {
            if (!cell.isEmpty()) {
                return Double.parseDouble(cell);
            }
        } catch (NumberFormatException e) {
            // reported below with the position
        }
        String shown = cell.isEmpty() ? "an empty field" : "'" + cell + "'";
        throw new DataFormatException(reader, file, "line " + lineNumber + ", " + columnName(c) + ": " + shown + " is not a number");
    }

    private static String[] split(String line) {
        String[] f = line.split(",", -1);
        for (int i = 0; i < f.length; i++) {
            String t = f[i].trim();
            f[i] = t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
        }
        return f;
    }

    private static boolean isHeader(String[] first, String[] second) {
        boolean allText = Arrays.stream(first).noneMatch(CsvTable::isNumber);
        if (second == null || allText) {
            return allText;
        }
        for (int i = 0; i < Math.min(first.length, second.length); i++) {
            if (!isNumber(first[i]) && isNumber(second[i])) {
                return true;
            }
        }
        return false;
    }

    static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return !s.isEmpty();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    int rowCount() { return features.size(); }

    /** Number of feature columns (all columns but the label). */
    int featureCount() { return labelCol >= 0 ? width - 1 : width; }

    boolean hasLabel() { return labelCol >= 0; }

    String labelName() { return columnName(labelCol); }

    private String columnName(int c) { return header != null ? header[c] : "column " + c; }

    /** The label column's cells. */
    String[] labels() { return labels.toArray(String[]::new); }

    /** Feature row r (not a copy). */
    double[] features(int r) { return features.get(r); }

    /** The label cells as numbers, or null when any is not a number. */
    static double[] numbers(String[] cells) {
        double[] v = new double[cells.length];
        for (int i = 0; i < cells.length; i++) {
            if (!isNumber(cells[i])) {
                return null;
            }
            v[i] = Double.parseDouble(cells[i]);
        }
        return v;
    }

    /** The index of the label column, or -1 for none. */
    private static int resolve(String reader, String file, CsvReader.LabelColumn label, String[] header, int width) {
        if (label.name() == null) {
            if (label.index() < -width || label.index() >= width) {
                throw new DataFormatException(reader, file, "label column " + label.index()
                        + " is out of range for " + width + " columns");
            }
            return label.index() < 0 ? label.index() + width : label.index();
        }
        switch (label.name()) {
            case "last": return width - 1;
            case "first": return 0;
            case "none": return -1;
            default: return byName(reader, file, label.name(), header);
        }
    }

    private static int byName(String reader, String file, String name, String[] header) {
        if (header == null) {
            throw new DataFormatException(reader, file, "has no header line, so there is no column named '"
                    + name + "' (use label: \"last\", \"first\" or a column index)");
        }
        for (int c = 0; c < header.length; c++) {
            if (header[c].equals(name)) {
                return c;
            }
        }
        throw new DataFormatException(reader, file, "no column named '" + name + "' (columns: "
                + String.join(", ", header) + ")");
    }

    /** A cursor over the non-blank lines of a text, with 1-based line numbers, without splitting it all. */
    private static final class Lines {
        private final String text;
        private int at;
        private int lineNo;
        private String line;
        private int number;

        Lines(String text) {
            this.text = text;
        }

        /** Moves to the next non-blank line; false at the end. */
        boolean advance() {
            while (at < text.length()) {
                int end = text.indexOf('\n', at);
                int stop = end < 0 ? text.length() : end;
                String l = text.substring(at, stop);
                at = end < 0 ? text.length() + 1 : end + 1;
                lineNo++;
                if (l.endsWith("\r")) {
                    l = l.substring(0, l.length() - 1);
                }
                if (!l.isBlank()) {
                    line = l;
                    number = lineNo;
                    return true;
                }
            }
            return false;
        }

        String line() { return line; }

        int number() { return number; }
    }
}
