package catapult.sweep;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV text into records of raw cells (quotes kept, so a cell says itself whether it is a
 * string), honouring quoted commas and newlines. A last record that does not end with a newline
 * is torn — the process writing it died mid-row — and is reported apart, never as data.
 */
final class CsvRecords {
    /** The complete records, the character offset where they end, and whether text followed them. */
    record Parsed(List<List<String>> records, List<Integer> lines, int completeEnd, boolean tornTail) {}

    private CsvRecords() {}

    static Parsed parse(String text) {
        List<List<String>> records = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        int completeEnd = 0;
        int line = 1;
        int recordLine = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') quoted = !quoted;
            if (c == '\n') line++;
            if (quoted || (c != ',' && c != '\n' && c != '\r')) {
                cell.append(c);
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n') {
                cells.add(cell.toString());
                cell.setLength(0);
                records.add(List.copyOf(cells));
                lines.add(recordLine);
                cells.clear();
                completeEnd = i + 1;
                recordLine = line;
            }
        }
        return new Parsed(records, lines, completeEnd, completeEnd < text.length());
    }

    /** One record as a line (with its newline); cells are written as given. */
    static String line(List<String> cells) {
        return String.join(",", cells) + "\n";
    }

    /** A column name as a header cell. */
    static String name(String column) {
        boolean plain = column.chars().noneMatch(ch -> ch == ',' || ch == '"' || ch == '\n' || ch == '\r');
        return plain ? column : '"' + column.replace("\"", "\"\"") + '"';
    }

    /** A header cell as the column name. */
    static String unname(String cell) {
        return cell.startsWith("\"") && cell.endsWith("\"") && cell.length() >= 2
                ? cell.substring(1, cell.length() - 1).replace("\"\"", "\"") : cell;
    }
}
