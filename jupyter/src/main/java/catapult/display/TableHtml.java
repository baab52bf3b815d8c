package catapult.display;

import catapult.engine.table.NumberText;
import catapult.engine.table.Table;
import java.util.Map;

/**
 * A table as an HTML {@code <table>} for notebooks: numbers printed as Catapult prints them and
 * right-aligned, empty cells blank, long tables cut to their head and tail like the text form.
 */
public final class TableHtml {
    static final int MAX_ROWS = 60;
    static final int HEAD = 50;
    static final int TAIL = 5;

    private TableHtml() {}

    public static String html(Table t) {
        StringBuilder sb = new StringBuilder("<table class=\"catapult-table\">\n<thead><tr>");
        for (String c : t.columns()) sb.append("<th>").append(escape(c)).append("</th>");
        sb.append("</tr></thead>\n<tbody>\n");
        int n = t.size();
        boolean cut = n > MAX_ROWS;
        for (int i = 0; i < n; i++) {
            if (cut && i == HEAD) {
                sb.append("<tr><td colspan=\"").append(t.columns().size()).append("\">&hellip;</td></tr>\n");
                i = n - TAIL;
            }
            row(sb, t, t.row(i));
        }
        sb.append("</tbody>\n</table>\n<p>").append(n).append(n == 1 ? " row" : " rows").append("</p>");
        return sb.toString();
    }

    private static void row(StringBuilder sb, Table t, Map<String, Object> r) {
        sb.append("<tr>");
        for (String c : t.columns()) {
            Object v = r.get(c);
            boolean number = v instanceof Number;
            sb.append(number ? "<td style=\"text-align:right\">" : "<td>").append(escape(cell(v))).append("</td>");
        }
        sb.append("</tr>\n");
    }

    private static String cell(Object v) {
        if (v == null) return "";
        if (v instanceof Number n) return NumberText.number(n.doubleValue());
        return String.valueOf(v);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
