package catapult.lang.builtins;

import catapult.lang.errors.RuntimeError;
import catapult.lang.eval.Interpreter;
import catapult.lang.resolve.Suggest;
import catapult.lang.session.Session;
import catapult.lang.syntax.Span;
import catapult.lang.value.CatFunction;
import catapult.lang.value.Record;
import catapult.lang.value.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The arguments of one built-in call, bound to its declared parameters (positional first,
 * then by name), checked against their types and converted. Errors name the built-in and the
 * argument: `dense: argument 'units' must be a positive integer, got -3`.
 */
public final class Args {
    private final Builtin builtin;
    private final Interpreter interp;
    private final Span site;
    private final Map<String, Object> values;
    private final List<Object> rest;
    private final java.util.Set<String> given;

    private Args(Builtin builtin, Interpreter interp, Span site, Map<String, Object> values,
                 List<Object> rest, java.util.Set<String> given) {
        this.builtin = builtin;
        this.interp = interp;
        this.site = site;
        this.values = values;
        this.rest = rest;
        this.given = given;
    }

    static Args bind(Builtin b, Interpreter interp, List<Object> positional, Map<String, Object> named, Span site) {
        Map<String, Object> values = new LinkedHashMap<>();
        java.util.Set<String> given = new java.util.HashSet<>();
        List<Object> rest = new ArrayList<>();
        List<Param> params = b.params();
        int pi = 0;
        for (Object arg : positional) {
            while (pi < params.size() && named.containsKey(params.get(pi).name()) && !params.get(pi).variadic()) pi++;
            if (pi >= params.size()) {
                throw new RuntimeError(b.name() + ": takes at most " + countPositional(params)
                        + " argument" + (countPositional(params) == 1 ? "" : "s") + ", got " + positional.size(), site);
            }
            Param p = params.get(pi);
            if (p.variadic()) {
                rest.add(check(b, p, arg, site));
            } else {
                values.put(p.name(), check(b, p, arg, site));
                given.add(p.name());
                pi++;
            }
        }
        for (Map.Entry<String, Object> e : named.entrySet()) {
            Param p = find(params, e.getKey());
            if (p == null || p.variadic()) {
                List<String> names = params.stream().filter(q -> !q.variadic()).map(Param::name).toList();
                String hint = Suggest.closest(e.getKey(), names).map(s -> " (did you mean '" + s + "'?)").orElse("");
                throw new RuntimeError(b.name() + ": unknown argument '" + e.getKey() + "'" + hint, site);
            }
            if (given.contains(p.name())) {
                throw new RuntimeError(b.name() + ": argument '" + p.name() + "' given twice", site);
            }
            values.put(p.name(), check(b, p, e.getValue(), site));
            given.add(p.name());
        }
        for (Param p : params) {
            if (p.variadic() || values.containsKey(p.name())) continue;
            if (p.required()) throw new RuntimeError(b.name() + ": missing argument '" + p.name() + "'", site);
            values.put(p.name(), p.defaultValue());
        }
        return new Args(b, interp, site, values, java.util.Collections.unmodifiableList(rest), given);
    }

    private static int countPositional(List<Param> params) {
        return (int) params.stream().filter(p -> !p.variadic()).count();
    }

    private static Param find(List<Param> params, String name) {
        for (Param p : params) if (p.name().equals(name)) return p;
        return null;
    }

    private static Object check(Builtin b, Param p, Object value, Span site) {
        if (!p.type().accepts(value)) {
            if (value == null && !p.required() && !p.variadic() && p.defaultValue() == null) return null;
            throw new RuntimeError(b.name() + ": argument '" + p.name() + "' must be " + p.type().description()
                    + ", got " + p.type().describeRejected(value), site);
        }
        try {
            return p.type().convert(value);
        } catch (IllegalArgumentException e) {
            throw new RuntimeError(b.name() + ": argument '" + p.name() + "': " + e.getMessage(), site);
        }
    }

    public Interpreter interp() { return interp; }

    /** The session the call runs in: settings, precision, extension state, interrupts. */
    public Session session() { return interp.session(); }

    public Span site() { return site; }

    public Builtin builtin() { return builtin; }

    /** Whether the caller passed this argument (rather than taking the default). */
    public boolean given(String name) { return given.contains(name); }

    public Object get(String name) {
        if (!values.containsKey(name)) throw new IllegalStateException(builtin.name() + " has no parameter " + name);
        return values.get(name);
    }

    public boolean isNone(String name) { return get(name) == null; }

    public double number(String name) { return (Double) get(name); }

    /** An integer argument; one beyond the int range (e.g. steps: 1e12) is a positioned error, not a wrapped value. */
    public int integer(String name) {
        double d = (Double) get(name);
        if (d > Integer.MAX_VALUE || d < Integer.MIN_VALUE) {
            String shown = (d < 0 ? "-" : "") + MemoryBudget.count(Math.abs(d));
            throw error("argument '" + name + "' is " + shown + ", too large (at most " + Integer.MAX_VALUE + ")");
        }
        return (int) Math.round(d);
    }

    public long longValue(String name) { return Math.round((Double) get(name)); }

    public boolean bool(String name) { return (Boolean) get(name); }

    public String string(String name) { return (String) get(name); }

    @SuppressWarnings("unchecked")
    public List<Object> list(String name) { return (List<Object>) get(name); }

    public Record record(String name) { return (Record) get(name); }

    public Tensor tensor(String name) { return (Tensor) get(name); }

    public INDArray array(String name) { return ((Tensor) get(name)).array(); }

    public CatFunction function(String name) { return (CatFunction) get(name); }

    public <T> T as(String name, Class<T> cls) { return cls.cast(get(name)); }

    /** The arguments the caller passed (not defaults), by parameter name in declaration order, converted. */
    public Map<String, Object> givenValues() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Param p : builtin.params()) if (given.contains(p.name())) out.put(p.name(), values.get(p.name()));
        return out;
    }

    /** The positional arguments a variadic parameter collected. */
    public List<Object> rest() { return rest; }

    /** Calls a language function (a user lambda passed as an argument) with positional arguments. */
    public Object call(CatFunction f, Object... arguments) {
        return interp.call(f, java.util.Arrays.asList(arguments), site);
    }

    /**
     * Fails with a positioned error unless a tensor of this shape, in the session's precision,
     * fits in memory; {@code argument} names the argument that sized it ("n, d" for several).
     */
    public void requireTensor(String argument, double... dims) {
        requireElements(argument, 0, dims);
    }

    /**
     * Like {@link #requireTensor} for work that first fills one Java double[] (random draws,
     * generators): the count must fit in a Java array, and both copies in memory.
     */
    public void requireDoubles(String argument, double... dims) {
        requireElements(argument, 8, dims);
    }

    /**
     * Like {@link #requireDoubles} for work that keeps {@code javaBytes} bytes of Java arrays per
     * element besides the tensor (network weights are drawn, masked and packed through three).
     */
    public void requireElements(String argument, int javaBytes, double... dims) {
        double count = 1;
        for (double d : dims) count *= d;
        int width = catapult.lang.value.Tensors.dtype().width();
        String label = argument.contains(",")
                ? "arguments '" + String.join("', '", argument.split(",\\s*")) + "'" : "argument '" + argument + "'";
        String what = MemoryBudget.shape(dims) + (width == 8 ? " doubles" : " floats") + " (" + label + ")";
        requireMemory(what, count * (width + javaBytes));
        if (javaBytes > 0 && count > MemoryBudget.MAX_ARRAY) {
            throw error(what + " are more than one array can hold (" + MemoryBudget.MAX_ARRAY + ")");
        }
    }

    /** Fails with a positioned error unless {@code bytes} fit in memory; {@code what} is a plural noun phrase. */
    public void requireMemory(String what, double bytes) {
        String problem = MemoryBudget.check(what, bytes);
        if (problem != null) throw error(problem);
    }

    /** A positioned error about this call. */
    public RuntimeError error(String message) {
        return new RuntimeError(builtin.name() + ": " + message, site);
    }
}
