package catapult.lang.eval;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** One lexical scope: its bindings and the enclosing scope. */
public final class Environment {
    private final Map<String, Object> values;
    private final Environment enclosing;

    public Environment(Environment enclosing) {
        this.enclosing = enclosing;
        this.values = enclosing == null ? new LinkedHashMap<>() : new HashMap<>(8);
    }

    public Environment enclosing() { return enclosing; }

    public void define(String name, Object value) { values.put(name, value); }

    public boolean has(String name) {
        for (Environment e = this; e != null; e = e.enclosing) if (e.values.containsKey(name)) return true;
        return false;
    }

    /** The value bound to name in this scope or an enclosing one; throws if unbound. */
    public Object get(String name) {
        for (Environment e = this; e != null; e = e.enclosing) {
            Object v = e.values.get(name);
            if (v != null || e.values.containsKey(name)) return v;
        }
        throw new UnboundName(name);
    }

    /** Rebinds an existing name where it was defined; false when no scope has it. */
    public boolean assign(String name, Object value) {
        for (Environment e = this; e != null; e = e.enclosing) {
            if (e.values.containsKey(name)) {
                e.values.put(name, value);
                return true;
            }
        }
        return false;
    }

    public Set<String> localNames() { return values.keySet(); }

    public Map<String, Object> localValues() { return values; }

    public void clear() { values.clear(); }

    /** Thrown when a name has no binding at run time (the resolver normally catches this first). */
    static final class UnboundName extends RuntimeException {
        final String name;

        UnboundName(String name) {
            super(name, null, false, false);
            this.name = name;
        }
    }
}
