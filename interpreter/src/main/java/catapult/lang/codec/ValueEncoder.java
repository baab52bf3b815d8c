package catapult.lang.codec;

import catapult.lang.builtins.Builtin;
import catapult.lang.eval.ArchValue;
import catapult.lang.eval.Environment;
import catapult.lang.eval.UserFunction;
import catapult.lang.syntax.SourceFile;
import catapult.lang.syntax.Span;
import catapult.lang.value.RangeValue;
import catapult.lang.value.Record;
import catapult.lang.value.Tensor;
import catapult.lang.value.Values;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Encodes language values by value into a JSON-shaped tree (see the package doc). Objects that
 * are reachable twice (a dataset captured by two functions, a function that calls itself) are
 * written once with an {@code id} and referred to by {@code {"t": "ref", "id": n}} after that.
 *
 * <p>A value that cannot be shipped stops the encoding with an {@link UnshippableValue} that
 * names the variable holding it and points at its use. One encoder encodes one document; use a
 * new one per document.
 */
public final class ValueEncoder {
    /** Where the encoder is: which variable, captured by what, used where. */
    private record Frame(String variable, String holder, Span use) {}

    private final String purpose;
    private final String verb;
    private final Map<Object, Integer> ids = new IdentityHashMap<>();
    private final Map<Object, String> rootHolders = new IdentityHashMap<>();
    private final Deque<Frame> frames = new ArrayDeque<>();
    private final Map<Integer, SourceFile> sources = new LinkedHashMap<>();
    private int nextId;

    /** @param purpose what the encoding is for, as errors start: "sweep" ("cannot ship 'x'") */
    public ValueEncoder(String purpose) {
        this(purpose, "ship");
    }

    /** @param verb what errors say cannot be done: "ship", "save" */
    public ValueEncoder(String purpose, String verb) {
        this.purpose = purpose;
        this.verb = verb;
    }

    /**
     * Encodes a root value. {@code description} says what it is in errors ("the body", "the grid
     * value 'lr'"), {@code site} is where errors point when no variable use is closer.
     */
    public Object encode(Object value, String description, Span site) {
        rootHolders.put(value, description);
        frames.push(new Frame(null, description, site));
        try {
            return value(value);
        } finally {
            frames.pop();
        }
    }

    /** Encodes a nested value (for {@link CodecExtension}s). */
    public Object value(Object v) {
        if (v == null || v instanceof Boolean || v instanceof String) return v;
        if (v instanceof Number n) return number(n.doubleValue());
        if (v instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object item : list) out.add(value(item));
            return out;
        }
        if (v instanceof Record r) return record(r);
        if (v instanceof RangeValue r) return tagged("range", "from", number(r.from()), "to", number(r.to()));
        CodecExtension ext = CodecExtensions.get().forValue(v);
        Object key = ext == null ? v : ext.identity(v);
        Integer seen = ids.get(key);
        if (seen != null) return tagged("ref", "id", (double) seen);
        int id = nextId++;
        ids.put(key, id);
        Map<String, Object> out = shared(v, ext);
        Map<String, Object> withId = new LinkedHashMap<>();
        withId.put("t", out.remove("t"));
        withId.put("id", (double) id);
        withId.putAll(out);
        return withId;
    }

    /** A raw array (a model's weights), shared by identity like tensors. */
    public Object array(INDArray a) {
        Integer seen = ids.get(a);
        if (seen != null) return tagged("ref", "id", (double) seen);
        int id = nextId++;
        ids.put(a, id);
        Map<String, Object> out = tagged("array", "id", (double) id);
        out.putAll(TensorBytes.encode(a));
        return out;
    }

    /** A built-in call, with its arguments encoded. */
    public Map<String, Object> recipe(CallRecipe r) {
        Map<String, Object> out = tagged("call", "builtin", r.builtin());
        out.put("positional", value(r.positional()));
        Map<String, Object> named = new LinkedHashMap<>();
        r.named().forEach((k, x) -> named.put(k, value(x)));
        out.put("named", named);
        out.put("precision", r.precision().name());
        return out;
    }

    /** The source files written so far, by id: errors from a decoded copy map back to them. */
    public Map<Integer, SourceFile> sources() { return java.util.Collections.unmodifiableMap(sources); }

    /** A value that cannot be encoded: the error names the variable that holds it. */
    public UnshippableValue cannotShip(String reason) {
        Frame named = null;
        for (Frame f : frames) {
            if (f.variable() != null) { named = f; break; }
        }
        Frame root = frames.peekLast();
        if (named == null) {
            return new UnshippableValue(purpose + ": cannot " + verb + " " + root.holder() + ": " + reason, root.use());
        }
        return new UnshippableValue(purpose + ": cannot " + verb + " '" + named.variable() + "' (captured by " + named.holder() + "): "
                + reason, named.use());
    }

    private Map<String, Object> shared(Object v, CodecExtension ext) {
        CallRecipe recipe = CallRecipes.of(v);
        if (recipe != null) return recipe(recipe);
        if (v instanceof Tensor t) {
            Map<String, Object> out = tagged("tensor");
            out.putAll(TensorBytes.encode(t.array()));
            return out;
        }
        if (v instanceof UserFunction f) return function(f);
        if (v instanceof ArchValue a) return arch(a);
        if (v instanceof Builtin b) return tagged("builtin", "name", b.name());
        if (ext != null) return ext.encode(v, this);
        throw cannotShip(describe(v) + " cannot leave the process that made it");
    }

    private Map<String, Object> record(Record r) {
        Map<String, Object> fields = new LinkedHashMap<>();
        r.asMap().forEach((k, x) -> fields.put(k, value(x)));
        return tagged("record", "fields", fields);
    }

    private Map<String, Object> function(UserFunction f) {
        String kind = f.name().equals("<lambda>") ? "lambda" : "fn";
        Map<String, Object> out = code(kind, f.name(), f.body().span());
        out.put("captures", captures(f, FreeNames.of(f.params(), f.body()), f.closure()));
        return out;
    }

    private Map<String, Object> arch(ArchValue a) {
        Map<String, Object> out = code("arch", a.name(), a.body().span());
        out.put("positional", value(a.positionalArguments()));
        Map<String, Object> named = new LinkedHashMap<>();
        a.arguments().forEach((k, x) -> named.put(k, value(x)));
        out.put("named", named);
        out.put("captures", captures(a, FreeNames.of(a.params(), a.body()), a.closure()));
        return out;
    }

    private Map<String, Object> code(String kind, String name, Span body) {
        Map<String, Object> out = tagged(kind.equals("arch") ? "arch" : "function", "kind", kind);
        out.put("name", name);
        out.put("source", source(body.file()));
        out.put("at", FunctionNodes.position(body));
        return out;
    }

    private Object source(SourceFile file) {
        Integer seen = ids.get(file);
        if (seen != null) return tagged("ref", "id", (double) seen);
        int id = nextId++;
        ids.put(file, id);
        sources.put(id, file);
        Map<String, Object> out = tagged("source", "id", (double) id);
        out.put("name", file.name());
        out.put("text", file.text());
        return out;
    }

    /** The values of the free names bound in the closure (built-ins are found again by name). */
    private Map<String, Object> captures(Object fn, Map<String, Span> free, Environment closure) {
        String holder = rootHolders.containsKey(fn) ? rootHolders.get(fn) : holderName(fn);
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Span> use : free.entrySet()) {
            Environment scope = scopeOf(use.getKey(), closure);
            if (scope == null || scope.enclosing() == null) continue;
            frames.push(new Frame(use.getKey(), holder, use.getValue()));
            try {
                out.put(use.getKey(), value(scope.localValues().get(use.getKey())));
            } finally {
                frames.pop();
            }
        }
        return out;
    }

    private static Environment scopeOf(String name, Environment closure) {
        for (Environment e = closure; e != null; e = e.enclosing()) if (e.localValues().containsKey(name)) return e;
        return null;
    }

    private static String holderName(Object fn) {
        if (fn instanceof UserFunction f) return f.name().equals("<lambda>") ? "a lambda" : "'" + f.name() + "'";
        return "arch '" + ((ArchValue) fn).name() + "'";
    }

    private static String describe(Object v) {
        String type = Values.typeName(v);
        return ("aeiou".indexOf(type.charAt(0)) >= 0 ? "an " : "a ") + type;
    }

    private static Object number(double d) {
        if (Double.isFinite(d) && !(d == 0 && 1 / d < 0)) return d;
        return tagged("num", "v", Double.toString(d));
    }

    static Map<String, Object> tagged(String type, Object... keyValues) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("t", type);
        for (int i = 0; i < keyValues.length; i += 2) out.put((String) keyValues[i], keyValues[i + 1]);
        return out;
    }
}
