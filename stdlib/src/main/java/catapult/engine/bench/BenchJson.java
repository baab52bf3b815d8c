package catapult.engine.bench;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Collection;
import java.util.Map;

/** A minimal JSON writer for the benchmark's one result object (maps, lists, numbers, strings). */
final class BenchJson {

    private BenchJson() {
    }

    static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        write(value, sb, 0);
        return sb.toString();
    }

    private static void write(Object v, StringBuilder sb, int indent) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof Map<?, ?> map) {
            writeMap(map, sb, indent);
        } else if (v instanceof Collection<?> list) {
            sb.append('[');
            int i = 0;
            for (Object o : list) {
                sb.append(i++ > 0 ? ", " : "");
                write(o, sb, indent);
            }
            sb.append(']');
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            sb.append(Double.isFinite(d)   // 7 significant digits; BigDecimal's form is valid JSON
                    ? new BigDecimal(d).round(new MathContext(7)).stripTrailingZeros().toString() : "null");
        } else if (v instanceof Number || v instanceof Boolean) {
            sb.append(v);
        } else {
            sb.append('"').append(escape(v.toString())).append('"');
        }
    }

    private static void writeMap(Map<?, ?> map, StringBuilder sb, int indent) {
        sb.append("{\n");
        int i = 0;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            sb.append(i++ > 0 ? ",\n" : "").append(" ".repeat(indent + 1));
            sb.append('"').append(escape(e.getKey().toString())).append("\": ");
            write(e.getValue(), sb, indent + 1);
        }
        sb.append('\n').append(" ".repeat(indent)).append('}');
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
