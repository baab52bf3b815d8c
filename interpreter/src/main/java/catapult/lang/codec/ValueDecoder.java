package catapult.lang.codec;

import catapult.lang.builtins.Builtin;
import catapult.lang.eval.ArchValue;
import catapult.lang.eval.Environment;
import catapult.lang.eval.UserFunction;
import catapult.lang.session.Session;
import catapult.lang.syntax.Parser;
import catapult.lang.syntax.SourceFile;
import catapult.lang.syntax.Span;
import catapult.lang.value.RangeValue;
import catapult.lang.value.Record;
import catapult.lang.value.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Rebuilds language values from a tree written by {@link ValueEncoder}, in a given session:
 * functions get the session's built-ins around their captured values, replayed built-in calls
 * run in it, tensors and models get exactly the stored bits. Shared objects come back shared.
 * Malformed input throws {@link IllegalArgumentException}. One decoder decodes one document.
 */
public final class ValueDecoder {
    private final Session session;
    private final Map<Integer, Map<?, ?>> definitions = new HashMap<>();
    private final Map<Integer, Object> made = new HashMap<>();
    private final Map<Integer, FunctionNodes> parsed = new HashMap<>();
    private final Map<SourceFile, Integer> sourceIds = new java.util.IdentityHashMap<>();

    /** @param document the whole encoded tree (every shared object is defined somewhere in it) */
    public ValueDecoder(Session session, Object document) {
        this.session = session;
        index(document);
    }

    /** The session values are made in. */
    public Session session() { return session; }

    /** Decodes a value of the document (its root, or a part of it). */
    public Object value(Object tree) {
        if (tree == null || tree instanceof Boolean || tree instanceof String || tree instanceof Double) return tree;
        if (tree instanceof Number n) return n.doubleValue();
        if (tree instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object item : l) out.add(value(item));
            return Collections.unmodifiableList(out);
        }
        if (!(tree instanceof Map<?, ?> m)) throw bad("unexpected " + tree.getClass().getSimpleName());
        String t = string(m, "t");
        switch (t) {
            case "num": return Double.parseDouble(string(m, "v"));
            case "record": return record(map(m, "fields"));
            case "range": return new RangeValue(number(m, "from"), number(m, "to"));
            case "ref": return shared(id(m));
            default: return m.containsKey("id") ? shared(id(m)) : make(t, m);
        }
    }

    /** A raw array written by {@link ValueEncoder#array}. */
    public INDArray array(Object tree) {
        Object v = value(tree);
        if (!(v instanceof INDArray a)) throw bad("expected an array");
        return a;
    }

    /** The id the encoder gave a source this decoder rebuilt, or null (see {@link ValueEncoder#sources()}). */
    public Integer sourceId(SourceFile file) { return sourceIds.get(file); }

    /** Makes a value again by the call that made it. */
    public Object replay(Map<?, ?> call) {
        List<Object> positional = new ArrayList<>();
        for (Object x : (List<?>) call.get("positional")) positional.add(value(x));
        Map<String, Object> named = new LinkedHashMap<>();
        map(call, "named").forEach((k, x) -> named.put((String) k, value(x)));
        CallRecipe recipe = new CallRecipe(string(call, "builtin"), positional, named,
                org.nd4j.linalg.api.buffer.DataType.valueOf(string(call, "precision")));
        return recipe.replay(session, Span.NONE);
    }

    private Object shared(int id) {
        if (made.containsKey(id)) return made.get(id);
        Map<?, ?> def = definitions.get(id);
        if (def == null) throw bad("reference to undefined object " + id);
        Object v = make(string(def, "t"), def);
        made.put(id, v);
        return v;
    }

    private Object make(String t, Map<?, ?> m) {
        switch (t) {
            case "tensor": return new Tensor(TensorBytes.decode(m));
            case "array": return TensorBytes.decode(m);
            case "call": return replay(m);
            case "builtin": return builtin(string(m, "name"));
            case "function": return function(m);
            case "arch": return arch(m);
            default:
        }
        CodecExtension ext = CodecExtensions.get().forTag(t);
        if (ext == null) throw bad("unknown value type '" + t + "' (written by a newer Catapult or a module missing here)");
        @SuppressWarnings("unchecked") Map<String, ?> fields = (Map<String, ?>) m;
        return ext.decode(fields, this);
    }

    private Record record(Map<?, ?> fields) {
        Map<String, Object> out = new LinkedHashMap<>();
        fields.forEach((k, v) -> out.put((String) k, value(v)));
        return new Record(out);
    }

    private Builtin builtin(String name) {
        Builtin b = session.registry().get(name);
        if (b == null) throw bad("no built-in '" + name + "' in this session");
        return b;
    }

    private Object function(Map<?, ?> m) {
        FunctionNodes.Node node = node(m);
        Environment env = new Environment(session.globals().enclosing());
        UserFunction f = new UserFunction(node.name(), node.params(), node.body(), env);
        if (m.containsKey("id")) made.put(id(m), f);
        captures(map(m, "captures"), env);
        return f;
    }

    private Object arch(Map<?, ?> m) {
        FunctionNodes.Node node = node(m);
        List<Object> positional = new ArrayList<>();
        for (Object x : (List<?>) m.get("positional")) positional.add(value(x));
        Map<String, Object> named = new LinkedHashMap<>();
        map(m, "named").forEach((k, x) -> named.put((String) k, value(x)));
        Environment env = new Environment(session.globals().enclosing());
        ArchValue a = new ArchValue(node.name(), node.params(), node.body(), env, positional, named);
        if (m.containsKey("id")) made.put(id(m), a);
        captures(map(m, "captures"), env);
        return a;
    }

    private void captures(Map<?, ?> captured, Environment env) {
        captured.forEach((name, v) -> env.define((String) name, value(v)));
    }

    /** The AST node of a shipped function: its source parsed here, found by its body's position. */
    private FunctionNodes.Node node(Map<?, ?> m) {
        Map<?, ?> source = map(m, "source");
        int sourceId = id(source);
        Map<?, ?> def = string(source, "t").equals("ref") ? definitions.get(sourceId) : source;
        if (def == null) throw bad("reference to undefined source " + sourceId);
        FunctionNodes nodes = parsed.computeIfAbsent(sourceId, k -> {
            SourceFile file = new SourceFile(string(def, "name"), string(def, "text"));
            sourceIds.put(file, sourceId);
            return new FunctionNodes(Parser.parse(file));
        });
        FunctionNodes.Node node = nodes.find(string(m, "kind"), string(m, "at"));
        if (node == null) throw bad("no " + string(m, "kind") + " at " + string(m, "at") + " in " + string(def, "name"));
        return node;
    }

    /** Records every object defined with an id, so references resolve in any order. */
    private void index(Object tree) {
        if (tree instanceof List<?> l) {
            for (Object x : l) index(x);
        } else if (tree instanceof Map<?, ?> m) {
            if (m.containsKey("id") && !"ref".equals(m.get("t"))) definitions.put(id(m), m);
            for (Object x : m.values()) index(x);
        }
    }

    private static int id(Map<?, ?> m) {
        Object v = m.get("id");
        if (!(v instanceof Number n)) throw bad("missing id");
        return n.intValue();
    }

    private static String string(Map<?, ?> m, String key) {
        if (!(m.get(key) instanceof String s)) throw bad("missing '" + key + "'");
        return s;
    }

    private static double number(Map<?, ?> m, String key) {
        Object v = m.get(key);
        if (v instanceof Number n) return n.doubleValue();
        if (v instanceof Map<?, ?> tagged) return Double.parseDouble(string(tagged, "v"));
        throw bad("missing number '" + key + "'");
    }

    private static Map<?, ?> map(Map<?, ?> m, String key) {
        if (!(m.get(key) instanceof Map<?, ?> v)) throw bad("missing '" + key + "'");
        return v;
    }

    private static IllegalArgumentException bad(String what) {
        return new IllegalArgumentException("not a valid Catapult value: " + what);
    }
}
