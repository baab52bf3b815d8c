package catapult.sweep;

import catapult.builtins.ValueJson;
import catapult.lang.session.Session;
import catapult.lang.syntax.Span;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * How one cell of a sweep's points file is written and read, exactly: numbers in the shortest
 * text that reads back to the same double ("0.1", "3", "NaN", "-Infinity"), strings always in
 * double quotes, true/false, an empty cell for none, and any other value (a list, a tensor, a
 * record) as {@code value:} followed by its value document in base64. Spreadsheets and pandas
 * read the plain cells as numbers and strings.
 */
final class PointCells {
    static final String VALUE_PREFIX = "value:";

    private PointCells() {}

    static String write(Object v) {
        if (v == null) return "";
        if (v instanceof Boolean b) return b.toString();
        if (v instanceof Double d) return number(d);
        if (v instanceof String s) return '"' + s.replace("\"", "\"\"") + '"';
        String doc = ValueJson.write(v, "sweep", "a cell of the points file", Span.NONE);
        return VALUE_PREFIX + Base64.getEncoder().encodeToString(doc.getBytes(StandardCharsets.UTF_8));
    }

    /** A cell's value; {@code session} decodes value cells. */
    static Object read(String cell, Session session) {
        if (cell.isEmpty()) return null;
        if (cell.startsWith("\"")) return cell.substring(1, cell.length() - 1).replace("\"\"", "\"");
        if (cell.equals("true") || cell.equals("false")) return Boolean.valueOf(cell);
        if (cell.startsWith(VALUE_PREFIX)) {
            String doc = new String(Base64.getDecoder().decode(cell.substring(VALUE_PREFIX.length())), StandardCharsets.UTF_8);
            return ValueJson.read(doc, session);
        }
        try {
            return Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            return cell;
        }
    }

    /** The cell as this class writes it, for comparing keys written by other tools ("1e-3" matches "0.001"). */
    static String normalized(String cell) {
        if (cell.isEmpty() || cell.startsWith("\"") || cell.startsWith(VALUE_PREFIX)) return cell;
        try {
            return number(Double.parseDouble(cell));
        } catch (NumberFormatException e) {
            return cell;
        }
    }

    private static String number(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15 && !(d == 0 && 1 / d < 0)) return Long.toString((long) d);
        return Double.toString(d);
    }
}
