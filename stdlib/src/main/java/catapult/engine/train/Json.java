package catapult.engine.train;

import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A minimal JSON writer for tables and runs (records, lists, numbers, strings, booleans, arrays).
 * Non-finite numbers have no JSON spelling; they are written as null.
 */
final class Json {

    private Json() {}

    static String write(Object value) {
        StringBuilder out = new StringBuilder();
        append(out, value);
        return out.toString();
    }

    static void append(StringBuilder out, Object v) {
        if (v == null) {
            out.append("null");
        } else if (v instanceof Number n) {
            appendNumber(out, n);
        } else if (v instanceof Boolean b) {
            out.append(b);
        } else if (v instanceof Map<?, ?> m) {
            appendMap(out, m);
        } else if (v instanceof Collection<?> c) {
            appendAll(out, c.iterator());
        } else if (v instanceof double[] a) {
            appendAll(out, java.util.Arrays.stream(a).boxed().iterator());
        } else if (v instanceof int[] a) {
            appendAll(out, java.util.Arrays.stream(a).boxed().iterator());
        } else if (v instanceof INDArray a) {
            appendArray(out, a);
        } else {
            appendString(out, v.toString());
        }
    }

    private static void appendNumber(StringBuilder out, Number n) {
        double d = n.doubleValue();
        if (!Double.isFinite(d)) out.append("null");
        else if (n instanceof Integer || n instanceof Long || d == Math.rint(d) && Math.abs(d) < 1e15) out.append((long) d);
        else out.append(d);
    }

    private static void appendMap(StringBuilder out, Map<?, ?> m) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (!first) out.append(", ");
            first = false;
            appendString(out, String.valueOf(e.getKey()));
            out.append(": ");
            append(out, e.getValue());
        }
        out.append('}');
    }

    private static void appendAll(StringBuilder out, Iterator<?> it) {
        out.append('[');
        while (it.hasNext()) {
            append(out, it.next());
            if (it.hasNext()) out.append(", ");
        }
        out.append(']');
    }

    private static void appendArray(StringBuilder out, INDArray a) {
        if (a.rank() <= 1 || a.isScalar()) {
            appendAll(out, java.util.Arrays.stream(a.toDoubleVector()).boxed().iterator());
        } else if (a.rank() == 2) {
            appendAll(out, java.util.Arrays.stream(a.toDoubleMatrix()).iterator());
        } else {
            throw new IllegalArgumentException("cannot write a rank-" + a.rank() + " tensor as JSON");
        }
    }

    static void appendString(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
                    else out.append(c);
                }
            }
        }
        out.append('"');
    }
}
