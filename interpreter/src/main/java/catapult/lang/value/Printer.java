package catapult.lang.value;

import java.util.List;
import java.util.Map;

/**
 * How values print (docs/language.md section 3): numbers with up to 6 significant digits and
 * integral ones without a decimal point, strings bare at top level and quoted inside
 * containers, lists and records in literal syntax, everything else by its own show().
 */
public final class Printer {
    private Printer() {}

    /** print(x): strings bare. */
    public static String show(Object v) {
        return v instanceof String s ? s : repr(v);
    }

    /** The REPL's echo and the form inside containers: strings quoted. */
    public static String repr(Object v) {
        if (!(v instanceof List<?>) && !(v instanceof Record)) return scalar(v);
        StringBuilder out = new StringBuilder();
        append(out, v, 0);
        return out.toString();
    }

    /** Containers nested deeper than this print as [...] or {...} (printing stays linear and shallow). */
    private static final int MAX_DEPTH = 100;

    private static String scalar(Object v) {
        if (v == null) return "none";
        if (v instanceof Double d) return number(d);
        if (v instanceof Number n) return number(n.doubleValue());
        if (v instanceof Boolean b) return b ? "true" : "false";
        if (v instanceof String s) return quote(s);
        if (v instanceof CatValue c) return c.show();
        return String.valueOf(v);
    }

    private static void append(StringBuilder out, Object v, int depth) {
        if (v instanceof List<?> list) {
            if (depth >= MAX_DEPTH) {
                out.append(list.isEmpty() ? "[]" : "[...]");
                return;
            }
            out.append('[');
            int i = 0;
            for (Object item : list) {
                if (i > 0) out.append(", ");
                catapult.lang.builtins.Cancellation.poll(i++);
                append(out, item, depth + 1);
            }
            out.append(']');
        } else if (v instanceof Record r) {
            if (depth >= MAX_DEPTH) {
                out.append("{...}");
                return;
            }
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> e : r.asMap().entrySet()) {
                if (!first) out.append(", ");
                first = false;
                out.append(e.getKey()).append(": ");
                append(out, e.getValue(), depth + 1);
            }
            out.append('}');
        } else {
            out.append(scalar(v));
        }
    }

    public static String number(double x) {
        if (Double.isNaN(x)) return "nan";
        if (Double.isInfinite(x)) return x > 0 ? "inf" : "-inf";
        if (x == Math.rint(x) && Math.abs(x) < 1e16) {
            return x == 0 ? "0" : Long.toString((long) x);
        }
        String g = String.format(java.util.Locale.ROOT, "%.6g", x);
        int e = g.indexOf('e');
        String mantissa = e < 0 ? g : g.substring(0, e);
        String exponent = e < 0 ? "" : g.substring(e);
        if (mantissa.contains(".")) {
            mantissa = mantissa.replaceAll("0+$", "");
            if (mantissa.endsWith(".")) mantissa = mantissa.substring(0, mantissa.length() - 1);
        }
        return mantissa + exponent;
    }

    private static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\t", "\\t") + '"';
    }
}
