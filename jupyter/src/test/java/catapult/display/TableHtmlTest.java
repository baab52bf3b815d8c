package catapult.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import catapult.engine.table.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tables as notebook HTML: escaped text, numbers as Catapult prints them, long tables cut. */
class TableHtmlTest {
    @Test
    void cellsAreEscapedAndNumbersFormatted() {
        Map<String, Object> row = new HashMap<>();
        row.put("name", "<b>&");
        row.put("lr", 1.0 / 3);
        row.put("ok", true);
        String html = TableHtml.html(new Table(List.of("name", "lr", "ok", "missing"), List.of(row)));
        assertTrue(html.contains("<th>name</th><th>lr</th><th>ok</th><th>missing</th>"), html);
        assertTrue(html.contains("<td>&lt;b&gt;&amp;</td><td style=\"text-align:right\">0.333333</td><td>true</td><td></td>"), html);
        assertTrue(html.endsWith("<p>1 row</p>"), html);
    }

    @Test
    void longTablesShowHeadAndTail() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 100; i++) rows.add(Map.of("i", (double) i));
        String html = TableHtml.html(new Table(List.of("i"), rows));
        assertEquals(TableHtml.HEAD + TableHtml.TAIL, html.split("text-align:right").length - 1);
        assertTrue(html.contains(">49</td>") && !html.contains(">50</td>") && html.contains(">99</td>") && html.contains("&hellip;"));
    }
}
