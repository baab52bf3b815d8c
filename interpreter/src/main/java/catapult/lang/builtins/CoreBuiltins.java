package catapult.lang.builtins;

import catapult.lang.errors.RuntimeError;
import catapult.lang.value.CatFunction;
import catapult.lang.value.CatValue;
import catapult.lang.value.Printer;
import catapult.lang.value.Record;
import catapult.lang.value.Values;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Built-ins of the language itself: printing, assertions, strings, lists, records, timing. */
public final class CoreBuiltins implements BuiltinProvider {

    @Override
    public void register(BuiltinRegistry r) {
        r.describeCategory("core", "values, lists, records, printing, checks and timing");
        r.register(Builtin.define("print").category("core")
                .summary("Writes its arguments separated by one space, then a newline.")
                .variadic("values", Type.ANY, "values to print; strings print bare")
                .example("print(\"lr =\", 0.5)   # lr = 0.5")
                .impl(a -> {
                    List<String> parts = new ArrayList<>();
                    for (Object v : a.rest()) parts.add(Printer.show(v));
                    a.interp().out().println(String.join(" ", parts));
                    a.interp().out().flush();
                    return null;
                }));
        r.register(Builtin.define("assert").category("core")
                .summary("Fails the script with the message (and the position) unless cond is true.")
                .param("cond", Type.ANY, "the condition that must hold")
                .optional("message", Type.STRING, "assertion failed", "what went wrong")
                .example("assert(run.final.loss < run.loss[0], \"the loss did not fall\")")
                .impl(a -> {
                    if (!Values.truthy(a.get("cond"))) throw new RuntimeError("assertion failed: " + a.string("message"), a.site());
                    return null;
                }));
        r.register(Builtin.define("len").category("core")
                .summary("Length of a list, string, range, tensor (rows), dataset or series.")
                .param("x", Type.ANY, "a sequence")
                .example("len([1, 2, 3])   # 3")
                .impl(a -> (double) length(a, a.get("x"))));
        r.register(Builtin.define("str").category("core")
                .summary("The printed form of a value, as a string.")
                .param("x", Type.ANY, "any value")
                .example("\"w = \" + str(512)")
                .impl(a -> Printer.show(a.get("x"))));
        r.register(Builtin.define("type").category("core")
                .summary("The type name of a value: number, string, list, record, tensor, model, run, ...")
                .param("x", Type.ANY, "any value")
                .example("type(1..3)   # \"range\"")
                .impl(a -> Values.typeName(a.get("x"))));
        r.register(Builtin.define("keys").category("core")
                .summary("The field names of a record (or of any value with fields).")
                .param("x", Type.ANY, "a record or a value with fields")
                .example("keys({lr: 0.1, width: 64})   # [\"lr\", \"width\"]")
                .impl(a -> {
                    Object x = a.get("x");
                    if (!(x instanceof CatValue c)) throw a.error("expected a record, got " + Values.typeName(x));
                    return List.copyOf(c.fieldNames());
                }));
        r.register(Builtin.define("list").category("core")
                .summary("The elements of a range, tensor (rows), string or sequence as a list.")
                .param("x", Type.ANY, "a sequence")
                .example("list(1..3)   # [1, 2, 3]")
                .impl(a -> toList(a, a.get("x"))));
        r.register(Builtin.define("append").category("core")
                .summary("A new list: xs followed by the given values.")
                .param("xs", Type.LIST, "a list")
                .variadic("values", Type.ANY, "values to add")
                .example("append([1, 2], 3)   # [1, 2, 3]")
                .impl(a -> {
                    List<Object> out = new ArrayList<>(a.list("xs"));
                    out.addAll(a.rest());
                    return Collections.unmodifiableList(out);
                }));
        r.register(Builtin.define("map").category("core")
                .summary("Applies f to every element of a sequence; returns a list.")
                .param("xs", Type.ANY, "a sequence").param("f", Type.FUNCTION, "a function of one element")
                .example("map(1..3, x => x^2)   # [1, 4, 9]")
                .impl(a -> {
                    List<Object> out = new ArrayList<>();
                    for (Object x : toList(a, a.get("xs"))) out.add(a.call(a.function("f"), x));
                    return Collections.unmodifiableList(out);
                }));
        r.register(Builtin.define("filter").category("core")
                .summary("The elements of a sequence for which f is true.")
                .param("xs", Type.ANY, "a sequence").param("f", Type.FUNCTION, "a predicate")
                .example("filter(1..6, x => x % 2 == 0)   # [2, 4, 6]")
                .impl(a -> {
                    List<Object> out = new ArrayList<>();
                    for (Object x : toList(a, a.get("xs"))) if (Values.truthy(a.call(a.function("f"), x))) out.add(x);
                    return Collections.unmodifiableList(out);
                }));
        r.register(Builtin.define("zip").category("core")
                .summary("Pairs up elements of two sequences (up to the shorter length).")
                .param("a", Type.ANY, "a sequence").param("b", Type.ANY, "a sequence")
                .example("zip([1, 2], [\"a\", \"b\"])   # [[1, \"a\"], [2, \"b\"]]")
                .impl(a -> {
                    List<Object> x = toList(a, a.get("a")), y = toList(a, a.get("b"));
                    List<Object> out = new ArrayList<>();
                    for (int i = 0; i < Math.min(x.size(), y.size()); i++) out.add(Collections.unmodifiableList(java.util.Arrays.asList(x.get(i), y.get(i))));
                    return Collections.unmodifiableList(out);
                }));
        r.register(Builtin.define("enumerate").category("core")
                .summary("Pairs [i, x] for the elements of a sequence, i from 0.")
                .param("xs", Type.ANY, "a sequence")
                .example("for p in enumerate([\"a\", \"b\"]) { print(p[0], p[1]) }")
                .impl(a -> {
                    List<Object> out = new ArrayList<>();
                    List<Object> xs = toList(a, a.get("xs"));
                    for (int i = 0; i < xs.size(); i++) out.add(Collections.unmodifiableList(java.util.Arrays.asList((double) i, xs.get(i))));
                    return Collections.unmodifiableList(out);
                }));
        r.register(Builtin.define("sorted").category("core")
                .summary("The elements of a sequence in ascending order (by key(x) when given).")
                .param("xs", Type.ANY, "a sequence").optional("key", Type.FUNCTION.orNone(), null, "a function giving the sort key")
                .example("sorted([3, 1, 2])   # [1, 2, 3]")
                .impl(a -> sorted(a)));
        r.register(Builtin.define("record").category("core")
                .summary("A record from another record with fields added or replaced.")
                .param("base", Type.RECORD, "the record to extend")
                .param("fields", Type.RECORD, "fields to set")
                .example("record({lr: 0.1}, {width: 64})   # {lr: 0.1, width: 64}")
                .impl(a -> {
                    Record out = a.record("base");
                    for (var e : a.record("fields").asMap().entrySet()) out = out.with(e.getKey(), e.getValue());
                    return out;
                }));
        r.register(Builtin.define("time").category("core")
                .summary("Runs f() and returns {value, seconds} (wall-clock).")
                .param("f", Type.FUNCTION, "a function of no arguments")
                .example("time(() => ntk(net, data)).seconds")
                .impl(a -> {
                    long t0 = System.nanoTime();
                    Object v = a.call(a.function("f"));
                    return Record.of("value", v, "seconds", (System.nanoTime() - t0) / 1e9);
                }));
        r.register(Builtin.define("error").category("core")
                .summary("Stops the script with a positioned error carrying the message.")
                .param("message", Type.STRING, "what went wrong")
                .example("if n < 0 { error(\"n must be positive\") }")
                .impl(a -> { throw new RuntimeError(a.string("message"), a.site()); }));
    }

    static int length(Args a, Object x) {
        if (x instanceof List<?> l) return l.size();
        if (x instanceof String s) return s.length();
        if (x instanceof CatValue.Sequence s) return s.length();
        if (x instanceof Record r) return r.asMap().size();
        throw a.error("argument 'x' has no length: got " + Values.typeName(x));
    }

    static List<Object> toList(Args a, Object x) {
        if (x instanceof List<?> l) return Collections.unmodifiableList(new ArrayList<>(l));
        if (x instanceof String s) {
            List<Object> out = new ArrayList<>();
            for (char c : s.toCharArray()) out.add(String.valueOf(c));
            return out;
        }
        if (x instanceof CatValue.Sequence s) {
            List<Object> out = new ArrayList<>(s.length());
            for (int i = 0; i < s.length(); i++) out.add(s.get(i));
            return Collections.unmodifiableList(out);
        }
        throw a.error("expected a sequence, got " + Values.typeName(x));
    }

    private static Object sorted(Args a) {
        List<Object> xs = new ArrayList<>(toList(a, a.get("xs")));
        CatFunction key = a.isNone("key") ? null : a.function("key");
        List<Object[]> keyed = new ArrayList<>();
        for (Object x : xs) keyed.add(new Object[] {key == null ? x : a.call(key, x), x});
        keyed.sort((p, q) -> compare(a, p[0], q[0]));
        List<Object> out = new ArrayList<>();
        for (Object[] p : keyed) out.add(p[1]);
        return Collections.unmodifiableList(out);
    }

    private static int compare(Args a, Object x, Object y) {
        Double dx = Values.asNumber(x), dy = Values.asNumber(y);
        if (dx != null && dy != null) return Double.compare(dx, dy);
        if (x instanceof String sx && y instanceof String sy) return sx.compareTo(sy);
        throw a.error("cannot compare " + Values.typeName(x) + " and " + Values.typeName(y));
    }
}
