package catapult.engine.table;

import catapult.engine.table.JsonText;
import catapult.engine.table.NumberText;
import catapult.engine.table.Table;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Renders a {@link Table} as CSV, JSON or aligned text; kept apart so Table stays about data. */
final class TableText {

    /** Longer tables print their head and tail only. */
    private static final int MAX_PRINTED_ROWS = 30;
    private static final int HEAD_ROWS = 20;
    private static final int TAIL_ROWS = 5;

    private TableText() {}

    static String forFile(Table t, Path path) {
        String name = path.getFileName().toString().toLowerCase();
        if (name.endsWith(".csv")) return csv(t);
        if (name.endsWith(".json")) return json(t);
        throw new IllegalArgumentException("cannot save a table as '" + path.getFileName() + "': use a .csv or .json file name");
    }

    static String csv(Table t) {
        StringBuilder out = new StringBuilder();
        out.append(String.join(",", t.columns().stream().map(TableText::csvCell).toList())).append('\n');
        for (Map<String, Object> r : t.rows()) {
            List<String> cells = new ArrayList<>();
            for (String c : t.columns()) cells.add(csvCell(r.get(c) == null ? "" : fileCell(r.get(c))));
            out.append(String.join(",", cells)).append('\n');
        }
        return out.toString();
    }

    static String json(Table t) {
        return JsonText.write(t.rows()) + "\n";
    }

    static String pretty(Table t) {
        List<Integer> shown = shownRows(t.size());
        List<String> cols = t.columns();
        List<String[]> lines = new ArrayList<>();
        lines.add(cols.toArray(new String[0]));
        for (int i : shown) {
            String[] line = new String[cols.size()];
            for (int c = 0; c < cols.size(); c++) line[c] = i < 0 ? "..." : cell(t.row(i).get(cols.get(c)));
            lines.add(line);
        }
        int[] widths = new int[cols.size()];
        boolean[] numeric = new boolean[cols.size()];
        for (int c = 0; c < cols.size(); c++) {
            for (String[] line : lines) widths[c] = Math.max(widths[c], line[c].length());
            numeric[c] = isNumeric(t, cols.get(c));
        }
        StringBuilder out = new StringBuilder();
        for (int k = 0; k < lines.size(); k++) {
            appendLine(out, lines.get(k), widths, numeric);
            if (k == 0) appendRule(out, widths);
        }
        out.append("(").append(t.size()).append(t.size() == 1 ? " row)" : " rows)");
        return out.toString();
    }

    private static boolean isNumeric(Table t, String column) {
        boolean any = false;
        for (Map<String, Object> r : t.rows()) {
            Object v = r.get(column);
            if (v == null) continue;
            if (!(v instanceof Number)) return false;
            any = true;
        }
        return any;
    }

    private static List<Integer> shownRows(int n) {
        List<Integer> shown = new ArrayList<>();
        if (n <= MAX_PRINTED_ROWS) {
            for (int i = 0; i < n; i++) shown.add(i);
            return shown;
        }
        for (int i = 0; i < HEAD_ROWS; i++) shown.add(i);
        shown.add(-1);
        for (int i = n - TAIL_ROWS; i < n; i++) shown.add(i);
        return shown;
    }

    /** Numeric columns right-aligned (header included), text left-aligned. */
    private static void appendLine(StringBuilder out, String[] cells, int[] widths, boolean[] numeric) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            if (c > 0) line.append("  ");
            String pad = " ".repeat(widths[c] - cells[c].length());
            line.append(numeric[c] ? pad + cells[c] : cells[c] + pad);
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    private static void appendRule(StringBuilder out, int[] widths) {
        for (int c = 0; c < widths.length; c++) {
            if (c > 0) out.append("  ");
            out.append("-".repeat(widths[c]));
        }
        out.append('\n');
    }

    /** One cell as text: numbers by the language's rule, none for missing. */
    static String cell(Object v) {
        if (v == null) return "none";
        if (v instanceof Number n) return NumberText.number(n.doubleValue());
        if (v instanceof double[] a) {
            List<String> parts = new ArrayList<>();
            for (double d : a) parts.add(NumberText.number(d));
            return "[" + String.join(", ", parts) + "]";
        }
        return v.toString();
    }

    /** One cell as a file holds it: numbers in their shortest exact form, so they read back unchanged. */
    private static String fileCell(Object v) {
        if (v instanceof Number n) return NumberText.exact(n.doubleValue());
        if (v instanceof double[] a) {
            List<String> parts = new ArrayList<>();
            for (double d : a) parts.add(NumberText.exact(d));
            return "[" + String.join(", ", parts) + "]";
        }
        return v.toString();
    }

    private static String csvCell(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) return "\"" + s.replace("\"", "\"\"") + "\"";
        return s;
    }
}
