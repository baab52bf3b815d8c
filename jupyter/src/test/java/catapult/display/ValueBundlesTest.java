package catapult.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import catapult.api.Catapult;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a notebook shows for a value: text always, PNG for plots, HTML for tables, nothing for none. */
class ValueBundlesTest {
    private final Catapult cat = Catapult.create();

    private Object eval(String code) { return cat.session().run(code, "t"); }

    @Test
    void plotIsAPngImage() {
        Map<String, String> b = ValueBundles.of(eval("plot([1, 4, 9], title: \"squares\")"));
        byte[] png = Base64.getDecoder().decode(b.get("image/png"));
        assertEquals((byte) 0x89, png[0]);
        assertEquals("PNG", new String(png, 1, 3));
        assertTrue(b.get("text/plain").startsWith("<plot \"squares\""));
    }

    @Test
    void tableIsHtmlAndText() {
        Map<String, String> b = ValueBundles.of(eval("table([{a: 1}])"));
        assertTrue(b.get("text/html").contains("<th>a</th>"));
        assertTrue(b.get("text/plain").contains("(1 row)"));
    }

    @Test
    void noneShowsNothingAndNumbersShowAsPrinted() {
        assertTrue(ValueBundles.of(null).isEmpty());
        assertEquals(Map.of("text/plain", "0.5"), ValueBundles.of(eval("1 / 2")));
    }
}
