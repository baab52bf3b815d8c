package catapult.display;

import catapult.builtins.PlotValue;
import catapult.builtins.TableValue;
import catapult.lang.value.Printer;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The MIME bundle a notebook shows for a value: always text/plain (as the REPL echoes it), plus
 * image/png (base64) for plots and text/html for tables.
 */
public final class ValueBundles {
    private ValueBundles() {}

    /** MIME type to content; empty for none, which shows nothing. */
    public static Map<String, String> of(Object value) {
        Map<String, String> bundle = new LinkedHashMap<>();
        if (value == null) return bundle;
        bundle.put("text/plain", Printer.repr(value));
        if (value instanceof PlotValue p) bundle.put("image/png", Base64.getEncoder().encodeToString(PlotImages.png(p)));
        if (value instanceof TableValue t) bundle.put("text/html", TableHtml.html(t.table()));
        return bundle;
    }
}
