package catapult.api;

import catapult.lang.builtins.BuiltinRegistry;
import catapult.lang.errors.CatapultError;
import catapult.lang.eval.Interpreter;
import catapult.lang.syntax.Span;
import catapult.lang.value.CatFunction;
import catapult.lang.value.CatValue;
import catapult.lang.value.Record;
import catapult.lang.value.Tensor;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Catapult embedded in a Java program: evaluate code, call functions, read and set globals,
 * with results as plain Java values (Double, String, Boolean, List, Map, double[] / double[][]
 * for tensors, Map for runs). User errors arrive as {@link CatapultException} with the
 * `file:line:col` message. One instance is one session and is not thread-safe: use one per
 * thread, or guard it with a lock.
 */
public final class Catapult implements AutoCloseable {
    private final Interpreter interp;
    private final Options options;

    /** Session settings: where print writes, and whether guest code (js/python) may do I/O. */
    public record Options(PrintStream out, boolean allowIo) {
        public static Options defaults() { return new Options(System.out, false); }

        public Options withOut(OutputStream stream) {
            return new Options(stream instanceof PrintStream p ? p : new PrintStream(stream, true, StandardCharsets.UTF_8), allowIo);
        }

        public Options withAllowIo(boolean allow) { return new Options(out, allow); }
    }

    private Catapult(Options options) {
        this.options = options;
        this.interp = new Interpreter(BuiltinRegistry.standard(), options.out());
        interp.hostState().put("allowIo", options.allowIo());
    }

    public static Catapult create() { return new Catapult(Options.defaults()); }

    public static Catapult create(Options options) { return new Catapult(options); }

    public Options options() { return options; }

    /** The underlying interpreter, for hosts that need the language-level values. */
    public Interpreter interpreter() { return interp; }

    /** Runs source text; returns the value of its last expression statement as plain Java. */
    public Object eval(String source) {
        return eval(source, "<eval>");
    }

    public Object eval(String source, String name) {
        try {
            return toJava(interp.run(source, name));
        } catch (CatapultError e) {
            throw new CatapultException(e);
        }
    }

    public Object eval(Path file) {
        try {
            return toJava(interp.runFile(file));
        } catch (CatapultError e) {
            throw new CatapultException(e);
        }
    }

    /** Calls a global function (built-in or user-defined) with plain Java arguments. */
    public Object call(String name, Object... args) {
        Object f = interp.hasGlobal(name) ? interp.getGlobal(name) : interp.registry().get(name);
        if (!(f instanceof CatFunction fn)) throw new CatapultException("no function named '" + name + "'");
        List<Object> converted = new ArrayList<>();
        for (Object a : args) converted.add(fromJava(a));
        try {
            return toJava(interp.call(fn, converted, Span.NONE));
        } catch (CatapultError e) {
            throw new CatapultException(e);
        }
    }

    public Object get(String name) {
        if (!interp.hasGlobal(name)) throw new CatapultException("no global named '" + name + "'");
        return toJava(interp.getGlobal(name));
    }

    public void set(String name, Object value) { interp.setGlobal(name, fromJava(value)); }

    /** Stops the running evaluation at its next check; safe to call from another thread. */
    public void interrupt() { interp.requestInterrupt(); }

    @Override public void close() { interp.reset(); }

    // ---- conversions ----

    /** A language value as plain Java. */
    public static Object toJava(Object v) {
        if (v == null || v instanceof Double || v instanceof String || v instanceof Boolean) return v;
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object x : l) out.add(toJava(x));
            return out;
        }
        if (v instanceof Record r) {
            Map<String, Object> out = new LinkedHashMap<>();
            r.asMap().forEach((k, x) -> out.put(k, toJava(x)));
            return out;
        }
        if (v instanceof Tensor t) return tensorToJava(t.array());
        if (v instanceof CatValue c) {
            Object host = c.toHost();
            return host == c ? c : toJava(host);
        }
        return v;
    }

    private static Object tensorToJava(INDArray a) {
        if (a.rank() == 0 || a.length() == 1 && a.rank() == 0) return a.getDouble(0);
        if (a.rank() == 1) return a.toDoubleVector();
        if (a.rank() == 2) return a.toDoubleMatrix();
        List<Object> rows = new ArrayList<>();
        for (int i = 0; i < a.size(0); i++) rows.add(tensorToJava(a.slice(i)));
        return rows;
    }

    /** Plain Java as a language value: numbers, strings, booleans, lists, maps, double arrays. */
    public static Object fromJava(Object v) {
        if (v == null || v instanceof Double || v instanceof String || v instanceof Boolean) return v;
        if (v instanceof Number n) return n.doubleValue();
        if (v instanceof double[] d) return new Tensor(Nd4j.create(d).castTo(Nd4j.defaultFloatingPointType()));
        if (v instanceof double[][] d) return new Tensor(Nd4j.create(d).castTo(Nd4j.defaultFloatingPointType()));
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object x : l) out.add(fromJava(x));
            return java.util.Collections.unmodifiableList(out);
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(k), fromJava(x)));
            return new Record(out);
        }
        return v;
    }
}
