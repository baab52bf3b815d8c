package catapult.lang.value;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** `{lr: 0.5, width: 512}`: named fields in insertion order; immutable. */
public final class Record implements CatValue {
    private final Map<String, Object> fields;

    public Record(Map<String, ?> fields) {
        this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public static Record of(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) m.put((String) keyValues[i], keyValues[i + 1]);
        return new Record(m);
    }

    public Map<String, Object> asMap() { return fields; }

    public boolean has(String key) { return fields.containsKey(key); }

    public Object get(String key) { return fields.get(key); }

    /** A copy with one field set. */
    public Record with(String key, Object value) {
        Map<String, Object> m = new LinkedHashMap<>(fields);
        m.put(key, value);
        return new Record(m);
    }

    @Override public String typeName() { return "record"; }

    @Override public Object field(String name) {
        return fields.containsKey(name) ? fields.get(name) : NO_FIELD;
    }

    @Override public List<String> fieldNames() { return new ArrayList<>(fields.keySet()); }

    @Override public String show() { return Printer.show(this); }

    @Override public boolean equals(Object o) {
        return o instanceof Record r && Values.equal(this, r);
    }

    @Override public int hashCode() { return fields.keySet().hashCode(); }

    @Override public String toString() { return show(); }
}
