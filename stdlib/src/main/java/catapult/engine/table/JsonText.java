package catapult.engine.table;

import catapult.lang.builtins.Cancellation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Minimal JSON for tables, runs and `save`/`load`: writes maps, lists, numbers, strings,
 * booleans and arrays, and reads JSON back as LinkedHashMap / ArrayList / Double / String /
 * Boolean / null. Non-finite numbers, which strict JSON cannot spell, are written as the bare
 * tokens {@code NaN}, {@code Infinity} and {@code -Infinity}, as Python's json module (and
 * JSON5) write and read them, so a diverged run saved as JSON loads back equal.
 */
public final class JsonText {

    private JsonText() {}

    public static String write(Object value) {
        Sink out = new Sink(null);
        append(out, value);
        return out.text.toString();
    }

    /**
     * Writes value as JSON to w in pieces, so that a large tensor is never held as one string
     * (and a Ctrl-C stops the write between rows).
     */
    public static void write(Object value, Writer w) throws IOException {
        Sink out = new Sink(w);
        try {
            append(out, value);
            out.flush();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** A text buffer that, given a Writer, passes its content on every 64 K characters. */
    private static final class Sink {
        final StringBuilder text = new StringBuilder();
        private final Writer writer;

        Sink(Writer writer) { this.writer = writer; }

        Sink append(Object x) {
            text.append(x);
            return this;
        }

        Sink append(char c) {
            text.append(c);
            return this;
        }

        void flushIfFull() {
            if (writer != null && text.length() >= 1 << 16) flush();
        }

        void flush() {
            if (writer == null) return;
            try {
                writer.write(text.toString());
                text.setLength(0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static void append(Sink out, Object v) {
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

    private static void appendNumber(Sink out, Number n) {
        double d = n.doubleValue();
        if (Double.isNaN(d)) out.append("NaN");
        else if (Double.isInfinite(d)) out.append(d > 0 ? "Infinity" : "-Infinity");
        else if (d == 0 && 1 / d < 0) out.append("-0.0");   // keeps its sign: 1 / x tells them apart
        else if (n instanceof Integer || n instanceof Long || d == Math.rint(d) && Math.abs(d) < 1e15) out.append((long) d);
        else out.append(d);
    }

    private static void appendMap(Sink out, Map<?, ?> m) {
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

    private static void appendAll(Sink out, Iterator<?> it) {
        out.append('[');
        while (it.hasNext()) {
            append(out, it.next());
            if (it.hasNext()) out.append(", ");
            out.flushIfFull();
        }
        out.append(']');
    }

    private static void appendArray(Sink out, INDArray a) {
        if (a.rank() <= 1 || a.isScalar()) {
            appendVector(out, a.rank() == 1 ? a : a.reshape(a.length()));
        } else if (a.rank() == 2) {
            out.append('[');
            for (long i = 0; i < a.rows(); i++) {
                if (i > 0) out.append(", ");
                appendVector(out, a.getRow(i));
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("cannot write a rank-" + a.rank() + " tensor as JSON");
        }
    }

    /** A vector, read in chunks (a copy of a huge tensor as double[] would double its memory). */
    private static void appendVector(Sink out, INDArray v) {
        out.append('[');
        long n = v.length();
        for (long from = 0; from < n; from += 1 << 14) {
            Cancellation.poll();
            double[] part = v.get(NDArrayIndex.interval(from, Math.min(n, from + (1 << 14)))).toDoubleVector();
            for (int j = 0; j < part.length; j++) {
                if (from + j > 0) out.append(", ");
                appendNumber(out, part[j]);
            }
            out.flushIfFull();
        }
        out.append(']');
    }

    static void appendString(Sink out, String s) {
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

    /** Parses JSON text; throws IllegalArgumentException with the offset on bad input. */
    public static Object read(String text) {
        Reader r = new Reader(text);
        Object v = r.value();
        r.skipSpace();
        if (r.pos != text.length()) throw r.error("unexpected text after the value");
        return v;
    }

    private static final class Reader {
        /** Deeper nesting than this is refused rather than risking the stack. */
        private static final int MAX_DEPTH = 1000;
        private final String s;
        private int pos;
        private int depth;

        Reader(String s) { this.s = s; }

        IllegalArgumentException error(String what) {
            return new IllegalArgumentException("bad JSON at character " + pos + ": " + what);
        }

        void skipSpace() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) pos++;
        }

        Object value() {
            skipSpace();
            if (pos >= s.length()) throw error("unexpected end");
            char c = s.charAt(pos);
            if (c == '{' || c == '[') {
                if (++depth > MAX_DEPTH) throw error("nested deeper than " + MAX_DEPTH + " levels");
                Object v = c == '{' ? object() : array();
                depth--;
                return v;
            }
            if (c == '"') return string();
            if (s.startsWith("true", pos)) { pos += 4; return Boolean.TRUE; }
            if (s.startsWith("false", pos)) { pos += 5; return Boolean.FALSE; }
            if (s.startsWith("null", pos)) { pos += 4; return null; }
            if (s.startsWith("NaN", pos)) { pos += 3; return Double.NaN; }
            if (s.startsWith("Infinity", pos)) { pos += 8; return Double.POSITIVE_INFINITY; }
            if (s.startsWith("-Infinity", pos)) { pos += 9; return Double.NEGATIVE_INFINITY; }
            return number();
        }

        private Object object() {
            java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
            pos++;
            skipSpace();
            if (pos < s.length() && s.charAt(pos) == '}') { pos++; return m; }
            while (true) {
                skipSpace();
                if (pos >= s.length() || s.charAt(pos) != '"') throw error("expected a key");
                String key = string();
                skipSpace();
                if (pos >= s.length() || s.charAt(pos++) != ':') throw error("expected ':'");
                m.put(key, value());
                skipSpace();
                if (pos >= s.length()) throw error("unexpected end");
                char c = s.charAt(pos++);
                if (c == '}') return m;
                if (c != ',') throw error("expected ',' or '}'");
            }
        }

        private Object array() {
            java.util.List<Object> out = new java.util.ArrayList<>();
            pos++;
            skipSpace();
            if (pos < s.length() && s.charAt(pos) == ']') { pos++; return out; }
            while (true) {
                out.add(value());
                skipSpace();
                if (pos >= s.length()) throw error("unexpected end");
                char c = s.charAt(pos++);
                if (c == ']') return out;
                if (c != ',') throw error("expected ',' or ']'");
            }
        }

        private String string() {
            StringBuilder out = new StringBuilder();
            pos++;
            while (pos < s.length()) {
                char c = s.charAt(pos++);
                if (c == '"') return out.toString();
                if (c != '\\') { out.append(c); continue; }
                if (pos >= s.length()) break;
                char e = s.charAt(pos++);
                switch (e) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'r' -> out.append('\r');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'u' -> {
                        if (pos + 4 > s.length()) throw error("bad \\u escape");
                        try {
                            out.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
                        } catch (NumberFormatException bad) {
                            throw error("bad \\u escape");
                        }
                        pos += 4;
                    }
                    default -> out.append(e);
                }
            }
            throw error("unterminated string");
        }

        private Object number() {
            int start = pos;
            while (pos < s.length() && "+-0123456789.eE".indexOf(s.charAt(pos)) >= 0) pos++;
            if (start == pos) throw error("unexpected '" + s.charAt(pos) + "'");
            try {
                return Double.parseDouble(s.substring(start, pos));
            } catch (NumberFormatException e) {
                throw error("bad number '" + s.substring(start, pos) + "'");
            }
        }
    }
}
