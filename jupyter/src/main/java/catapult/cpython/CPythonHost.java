package catapult.cpython;

import catapult.api.Catapult;
import catapult.builtins.TerminalHost;
import catapult.engine.train.Progress;
import catapult.lang.errors.RuntimeError;
import catapult.lang.eval.Interpreter;
import catapult.lang.session.Session;
import catapult.lang.value.Tensor;
import catapult.lang.syntax.Span;
import catapult.lang.value.CatFunction;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The Java side of one {@code catapult.Session} in CPython: a {@link Catapult} session whose
 * evaluations run on one dedicated worker thread (so the Python main thread can take Ctrl-C and
 * stream output while it waits), with values kept in their language form so the Python side can
 * convert tensors in bulk and wrap tables, runs and plots in its own classes.
 */
public final class CPythonHost implements AutoCloseable {
    /** Stack of the worker thread: deep recursion in the tree-walking interpreter needs more than the default. */
    private static final long WORKER_STACK = 64L << 20;

    private final TextBuffer out = new TextBuffer();
    private final ProgressBoard progress = new ProgressBoard();
    private final Catapult session;
    private final ExecutorService worker;

    /** @param allowIo whether js()/python() guest code inside Catapult may use files and processes */
    public CPythonHost(boolean allowIo) {
        session = Catapult.create(Catapult.Options.defaults().withOut(out).withErr(out).withAllowIo(allowIo));
        TerminalHost.install(lang(), new TerminalHost(progress, 0, 0, false)); // progress only, no text charts
        worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(null, r, "catapult-session", WORKER_STACK);
            t.setDaemon(true);
            return t;
        });
    }

    private Session lang() { return session.session(); }

    /** Runs source code (name is what error positions show); the value is the last expression's. */
    public PendingCall eval(String code, String name) {
        return submit(() -> lang().run(code, name));
    }

    /** Runs a script file; its imports resolve against its directory. */
    public PendingCall runFile(String path) {
        return submit(() -> lang().runFile(Path.of(path)));
    }

    /** Calls a function value, or the global/builtin function of that name, with language values. */
    public PendingCall call(Object function, List<Object> args, Map<String, Object> named) {
        CatFunction fn = function instanceof CatFunction f ? f : lookup(String.valueOf(function));
        return submit(() -> {
            lang().interrupts().clear();
            return lang().call(fn, List.copyOf(args), Map.copyOf(named), Span.NONE);
        });
    }

    private CatFunction lookup(String name) {
        Object f = lang().lookup(name);
        if (f instanceof CatFunction fn) return fn;
        String why = f == null ? "no function named '" + name + "'" : "'" + name + "' is not a function";
        return new CatFunction() {
            @Override public String name() { return name; }

            @Override public Object call(Interpreter i, List<Object> a, Map<String, Object> n, Span site) {
                throw new RuntimeError(why, site);
            }
        };
    }

    private PendingCall submit(Supplier<Object> body) {
        PendingCall call = new PendingCall(body);
        worker.execute(call);
        return call;
    }

    public boolean has(String name) { return lang().hasGlobal(name); }

    /** A global's language value (check {@link #has} first: none and "unbound" both read as null). */
    public Object get(String name) { return lang().getGlobal(name); }

    /** Binds a global to a language value (see {@link LanguageValues} for building them). */
    public void set(String name, Object value) { lang().setGlobal(name, value); }

    /** User-defined global names in definition order. */
    public List<String> globals() { return List.copyOf(lang().userGlobals().keySet()); }

    /** Whether a builtin of this name exists (for method-style calls on handles). */
    public boolean isBuiltin(String name) { return lang().registry().has(name); }

    /** A numpy float32 array's elements (C order) as a tensor in the session's precision. */
    public Tensor tensorFromFloats(float[] data, long[] shape) { return TensorBuffers.fromFloats(data, shape, lang().precision()); }

    /** A numpy float64 array's elements (C order) as a tensor in the session's precision. */
    public Tensor tensorFromDoubles(double[] data, long[] shape) { return TensorBuffers.fromDoubles(data, shape, lang().precision()); }

    /** The latest progress report of a running train or sweep since the last call, or null. */
    public Progress takeProgress() { return progress.take(); }

    /** Printed output since the last call. */
    public String drainOutput() { return out.drain(); }

    /** Stops the running evaluation at its next check; safe from any thread. */
    public void interrupt() { session.interrupt(); }

    /** Stops this call (Ctrl-C while it runs), also when it had not quite started yet. */
    public void interrupt(PendingCall call) { InterruptRepeater.until(session::interrupt, call::isDone); }

    @Override public void close() {
        worker.shutdownNow();
        session.close();
    }
}
