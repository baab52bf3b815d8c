package catapult.api;

import catapult.lang.errors.CatapultError;
import catapult.lang.session.FileAccess;
import catapult.lang.session.Session;
import catapult.lang.session.SessionSettings;
import catapult.lang.syntax.Span;
import catapult.lang.value.CatFunction;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Catapult embedded in a Java program: evaluate code, call functions, read and set globals,
 * with results as plain Java values (see {@link HostValues}: Double, String, Boolean, List,
 * Map, double[] / double[][] for tensors, Map for runs). User errors arrive as
 * {@link CatapultException} whose message is the `file:line:col: message` diagnostic.
 *
 * <p>Thread safety: one instance is one session (its globals persist across calls) and is not
 * thread-safe. Use one instance per thread, or guard every call on a shared instance with one
 * lock. The exceptions are {@link #interrupt()} and {@link InterruptHandle#interrupt()}, which
 * any thread may call while another thread evaluates.
 */
public final class Catapult implements AutoCloseable {
    private final Session session;
    private final Options options;

    /**
     * Session settings: where print writes (out) and guest code's stderr goes (err), whether guest
     * code may do I/O, and an optional host-owned interrupt handle.
     */
    public record Options(PrintStream out, PrintStream err, boolean allowIo, InterruptHandle interrupt) {
        public static Options defaults() { return new Options(System.out, System.err, false, null); }

        public Options withOut(OutputStream stream) { return new Options(print(stream), err, allowIo, interrupt); }

        public Options withErr(OutputStream stream) { return new Options(out, print(stream), allowIo, interrupt); }

        /** Lets js()/python() code read and write files, start processes and threads, load Java classes. */
        public Options withAllowIo(boolean allow) { return new Options(out, err, allow, interrupt); }

        public Options withInterrupt(InterruptHandle handle) { return new Options(out, err, allowIo, handle); }

        /**
         * The language session's settings for these options: with allowIo, guest code may use any
         * file, through Catapult too; without, guests reach no file through Catapult.
         */
        public SessionSettings settings() {
            return SessionSettings.defaults().withOut(out).withErr(err).withGuestIo(allowIo)
                    .withGuestFiles(allowIo ? FileAccess.UNRESTRICTED : FileAccess.NONE);
        }

        private static PrintStream print(OutputStream s) {
            return s instanceof PrintStream p ? p : new PrintStream(s, true, StandardCharsets.UTF_8);
        }
    }

    private Catapult(Options options) {
        this.options = options;
        this.session = Session.standard(options.settings());
        if (options.interrupt() != null) options.interrupt().attach(this);
    }

    public static Catapult create() { return new Catapult(Options.defaults()); }

    public static Catapult create(Options options) { return new Catapult(options); }

    public Options options() { return options; }

    /** The language session behind this API, for hosts that need language-level values. */
    public Session session() { return session; }

    /** Runs source text; returns the value of its last expression statement as plain Java. */
    public Object eval(String source) {
        return eval(source, "<eval>");
    }

    /** Runs source text under a file name used in error messages. */
    public Object eval(String source, String name) {
        return guarded(() -> session.run(source, name));
    }

    /** Runs a script file; its imports resolve against its directory. */
    public Object eval(Path file) {
        return guarded(() -> session.runFile(file));
    }

    /** Calls a global function (built-in or user-defined) with plain Java positional arguments. */
    public Object call(String name, Object... args) {
        return call(name, List.of(args), Map.of());
    }

    /** Calls a global function with positional and named arguments: {@code call("sgd", List.of(0.5), Map.of("batch", 32))}. */
    public Object call(String name, List<?> args, Map<String, ?> named) {
        CatFunction fn = function(name);
        List<Object> positional = new ArrayList<>(args.size());
        for (Object a : args) positional.add(HostValues.fromJava(a));
        Map<String, Object> byName = new LinkedHashMap<>();
        named.forEach((k, v) -> byName.put(k, HostValues.fromJava(v)));
        session.interrupts().clear();
        return guarded(() -> session.call(fn, positional, byName, Span.NONE));
    }

    private CatFunction function(String name) {
        Object f = session.lookup(name);
        if (f instanceof CatFunction fn) return fn;
        throw new CatapultException(f == null ? "no function named '" + name + "'" : "'" + name + "' is not a function");
    }

    /** A global binding as plain Java. */
    public Object get(String name) {
        if (!session.hasGlobal(name)) throw new CatapultException("no global named '" + name + "'");
        return HostValues.toJava(session.getGlobal(name));
    }

    /** Binds (or rebinds) a global to a plain Java value, visible to later eval calls. */
    public void set(String name, Object value) { session.setGlobal(name, HostValues.fromJava(value)); }

    /** Stops the running evaluation at its next check; safe to call from another thread. */
    public void interrupt() {
        session.requestInterrupt();
    }

    /** Ends the session: closes guest contexts and forgets every binding. */
    @Override public void close() {
        if (options.interrupt() != null) options.interrupt().detach(this);
        session.close();
    }

    private static Object guarded(Supplier<Object> body) {
        try {
            return HostValues.toJava(body.get());
        } catch (CatapultError e) {
            throw new CatapultException(e);
        }
    }

    /** A language value as plain Java; see {@link HostValues#toJava}. */
    public static Object toJava(Object v) { return HostValues.toJava(v); }

    /** Plain Java as a language value; see {@link HostValues#fromJava}. */
    public static Object fromJava(Object v) { return HostValues.fromJava(v); }
}
