package catapult.builtins;

import catapult.engine.table.JsonText;
import catapult.lang.codec.ValueDecoder;
import catapult.lang.codec.ValueEncoder;
import catapult.lang.session.Session;
import catapult.lang.syntax.Span;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A language value as a JSON document and back: the text form of the value codec
 * ({@link catapult.lang.codec}), used by {@code save}/{@code load} of models, functions and
 * data, by sweeps that ship their body to Spark, and by sweep result files for cells that are
 * not plain numbers or strings. The document is {@code {"catapult": "value", "version": 1,
 * "value": ...}}.
 */
public final class ValueJson {
    static final String MARK = "catapult";
    static final String KIND = "value";
    static final int VERSION = 1;

    private ValueJson() {}

    /** The document text of {@code value}; errors start with {@code purpose} and name the variable. */
    public static String write(Object value, String purpose, String description, Span site) {
        return write(new ValueEncoder(purpose), value, description, site);
    }

    /** The same, with the encoder's wording for errors ("cannot save the value: ..."). */
    public static String write(ValueEncoder encoder, Object value, String description, Span site) {
        Object tree = encoder.encode(value, description, site);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put(MARK, KIND);
        doc.put("version", (double) VERSION);
        doc.put("value", tree);
        return JsonText.write(doc);
    }

    /** The value of a document, made in {@code session}; IllegalArgumentException when it is not one. */
    public static Object read(String text, Session session) {
        Object json = JsonText.read(text);
        if (!isDocument(json)) throw new IllegalArgumentException("not a Catapult value document");
        Object version = ((Map<?, ?>) json).get("version");
        if (!(version instanceof Double v) || v > VERSION) {
            throw new IllegalArgumentException("written by a newer Catapult (value format " + version + ")");
        }
        Object tree = ((Map<?, ?>) json).get("value");
        return session.enter(() -> new ValueDecoder(session, tree).value(tree));
    }

    /** Whether parsed JSON is a value document (as opposed to plain JSON data). */
    public static boolean isDocument(Object json) {
        return json instanceof Map<?, ?> m && KIND.equals(m.get(MARK)) && m.containsKey("value");
    }
}
