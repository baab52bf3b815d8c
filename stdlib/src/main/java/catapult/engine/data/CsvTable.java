package catapult.engine.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The lines of a CSV file split into trimmed fields, with an optional header. */
final class CsvTable {
    private final String reader;
    private final String file;
    private final String[] header;
    private final List<String[]> rows;
    private final List<Integer> lineNumbers;

    private CsvTable(String reader, String file, String[] header, List<String[]> rows, List<Integer> lineNumbers) {
        this.reader = reader;
        this.file = file;
        this.header = header;
        this.rows = rows;
        this.lineNumbers = lineNumbers;
    }

    static CsvTable parse(String reader, String file, String text) {
        List<String[]> rows = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        String[] all = text.split("\r?\n|\r", -1);
        for (int i = 0; i < all.length; i++) {
            if (!all[i].isBlank()) {
                rows.add(split(all[i]));
                lines.add(i + 1);
            }
        }
        if (rows.isEmpty()) {
            throw new DataFormatException(reader, file, "is empty");
        }
        String[] header = null;
        if (isHeader(rows.get(0), rows.size() > 1 ? rows.get(1) : null)) {
            header = rows.remove(0);
            lines.remove(0);
        }
        if (rows.isEmpty()) {
            throw new DataFormatException(reader, file, "has a header but no data rows");
        }
        CsvTable table = new CsvTable(reader, file, header, rows, lines);
        table.checkWidths();
        return table;
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

    private void checkWidths() {
        int width = header != null ? header.length : rows.get(0).length;
        for (int r = 0; r < rows.size(); r++) {
            if (rows.get(r).length != width) {
                throw new DataFormatException(reader, file, "line " + lineNumbers.get(r) + " has "
                        + rows.get(r).length + " fields, expected " + width);
            }
        }
    }

    int rowCount() { return rows.size(); }

    int columnCount() { return rows.get(0).length; }

    String columnName(int c) { return header != null ? header[c] : "column " + c; }

    String[] column(int c) { return rows.stream().map(r -> r[c]).toArray(String[]::new); }

    /** The number in row r, column c, or an error naming the line and column. */
    double number(int r, int c) {
        String cell = rows.get(r)[c];
        try {
            if (!cell.isEmpty()) {
                return Double.parseDouble(cell);
            }
        } catch (NumberFormatException e) {
            // reported below with the position
        }
        String shown = cell.isEmpty() ? "an empty field" : "'" + cell + "'";
        throw new DataFormatException(reader, file, "line " + lineNumbers.get(r) + ", " + columnName(c)
                + ": " + shown + " is not a number");
    }

    /** All cells as numbers, or null when any is not a number. */
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
    int resolve(CsvReader.LabelColumn label) {
        int width = columnCount();
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
            default: return byName(label.name());
        }
    }

    private int byName(String name) {
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
}
