package catapult.lang.session;

import catapult.lang.builtins.Builtin;
import catapult.lang.builtins.BuiltinRegistry;
import catapult.lang.errors.Interrupted;
import catapult.lang.eval.Environment;
import catapult.lang.eval.Interpreter;
import catapult.lang.syntax.SourceFile;
import catapult.lang.syntax.Span;
import catapult.lang.value.CatFunction;
import catapult.lang.value.Values;
import catapult.numerics.Precision;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Supplier;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * One user's Catapult state, and the one way hosts run code: the global scope (built-ins and
 * every top-level binding, kept across REPL entries), the typed host settings, the precision,
 * {@code --set} overrides, the module loader for imports, the interrupt flag, and the per-session
 * state extension modules keep (guest-language contexts, the terminal, the random generator).
 * Evaluation itself is the {@link Interpreter}'s job; a session owns one evaluator.
 *
 * <p>Every host goes through this type: the CLI and the REPL {@link #create} one, the Java API
 * ({@code catapult.api.Catapult}) wraps one, sweep workers {@link #fork} the sweeping session
 * (shared globals, their own evaluator, extensions and precision, the parent's interrupts), and
 * code that guest languages submit runs in a {@link #guestView} (the same state under the guest
 * file policy).
 *
 * <p>Thread safety: a session evaluates on one thread at a time; {@link #requestInterrupt()} may
 * be called from any thread. Use {@link #fork()} for parallel work.
 */
public final class Session implements AutoCloseable {

    /** What a session and all its forks and views share: the registry and the global scope. */
    private record Scope(BuiltinRegistry registry, Environment builtins, Environment globals, ModuleLoader modules) {}

    /** What a session shares with its guest views but not with its forks. */
    private static final class Own {
        final InterruptFlag interrupts;
        final Map<Class<?>, Object> extensions = new ConcurrentHashMap<>();
        final List<SessionResource> resources = new CopyOnWriteArrayList<>();
        volatile DataType precision;
        volatile Map<String, Object> overrides = Map.of();

        Own(InterruptFlag parentFlag, DataType precision) {
            this.interrupts = new InterruptFlag(parentFlag);
            this.precision = precision;
        }
    }

    private final Scope scope;
    private final Own own;
    private final boolean forked;
    private volatile SessionSettings settings;
    private final Interpreter evaluator;

    private Session(Scope scope, Own own, SessionSettings settings, boolean forked) {
        this.scope = scope;
        this.own = own;
        this.settings = settings;
        this.forked = forked;
        this.evaluator = new Interpreter(this);
    }

    /** A new session with the given built-ins and settings. */
    public static Session create(BuiltinRegistry registry, SessionSettings settings) {
        Environment builtins = new Environment(null);
        for (Builtin b : registry.all()) builtins.define(b.name(), b);
        Scope scope = new Scope(registry, builtins, new Environment(builtins), new ModuleLoader());
        return new Session(scope, new Own(null, DataType.FLOAT), settings, false);
    }

    /** A new session with every built-in on the class path and the given settings. */
    public static Session standard(SessionSettings settings) {
        return create(BuiltinRegistry.standard(), settings);
    }

    /** A new session with every built-in on the class path, printing to standard output. */
    public static Session standard() {
        return standard(SessionSettings.defaults());
    }

    /**
     * A session for one worker thread of a parallel sweep: it sees this session's globals (the
     * body's closures live there), settings and precision, and stops when this session is
     * interrupted; it has its own evaluator, extensions (no progress bars, its own guest contexts
     * and random generator) and resources, closed with {@link #close()}.
     */
    public Session fork() {
        return new Session(scope, new Own(own.interrupts, own.precision), settings, true);
    }

    /**
     * The same session state seen by code that guest languages submit (their `catapult.eval`,
     * `run`, `call`): files confined to the guest policy of the settings.
     */
    public Session guestView() {
        return new Session(scope, own, settings.withFiles(settings.guestFiles()), forked);
    }

    // ---- running code ------------------------------------------------------------------------

    /** Parses, resolves and runs a script or REPL entry; returns its last expression statement's value. */
    public Object run(SourceFile source) {
        return enter(() -> evaluator.run(source));
    }

    public Object run(String code, String name) {
        return run(new SourceFile(name, code));
    }

    /** Runs a script file; its relative imports resolve against its directory. */
    public Object runFile(Path file) {
        return enter(() -> evaluator.run(scope.modules().readMain(file, settings.files())));
    }

    /** Calls a language function (built-in, user function, lambda) in this session. */
    public Object call(CatFunction f, List<Object> args, Map<String, Object> named, Span site) {
        return enter(() -> Values.wrap(f.call(evaluator, args, named, site)));
    }

    /** Runs body on this thread with the session's precision installed. */
    public <T> T enter(Supplier<T> body) {
        return Precision.with(own.precision, body);
    }

    /** The evaluator of this session (built-ins reach the session through it). */
    public Interpreter evaluator() { return evaluator; }

    public BuiltinRegistry registry() { return scope.registry(); }

    public ModuleLoader modules() { return scope.modules(); }

    // ---- globals ------------------------------------------------------------------------------

    /** The global scope (parent of every script's top-level scope). */
    public Environment globals() { return scope.globals(); }

    /** Names bound globally (built-ins and top-level definitions). */
    public Set<String> globalNames() {
        Set<String> names = new HashSet<>(scope.builtins().localNames());
        names.addAll(scope.globals().localNames());
        return names;
    }

    /** User-defined top-level bindings in definition order (for :vars). */
    public Map<String, Object> userGlobals() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(scope.globals().localValues()));
    }

    public Object getGlobal(String name) { return scope.globals().get(name); }

    public boolean hasGlobal(String name) { return scope.globals().has(name); }

    public void setGlobal(String name, Object value) { scope.globals().define(name, Values.wrap(value)); }

    /** A global function by name: a user binding first, else a built-in; null when there is none. */
    public Object lookup(String name) {
        return hasGlobal(name) ? getGlobal(name) : scope.registry().get(name);
    }

    /** Values that replace the right-hand side of top-level `let`s with these names (`--set`). */
    public void setOverrides(Map<String, Object> values) { own.overrides = Map.copyOf(values); }

    public Map<String, Object> overrides() { return own.overrides; }

    // ---- settings -----------------------------------------------------------------------------

    public SessionSettings settings() { return settings; }

    /** Replaces the host settings (e.g. the REPL redirecting output). */
    public void setSettings(SessionSettings s) { settings = s; }

    /** Whether this session is a sweep worker (it reports nothing on its own). */
    public boolean isFork() { return forked; }

    /** The floating-point type of new tensors and networks in this session. */
    public DataType precision() { return own.precision; }

    /** Switches the session's precision (and the running thread's); returns the previous one. */
    public DataType setPrecision(DataType type) {
        DataType previous = own.precision;
        Precision.set(type);
        own.precision = type;
        return previous;
    }

    // ---- extension state and resources --------------------------------------------------------

    /** Per-session state of an extension module, created on first use. */
    public <T> T extension(Class<T> type, Function<Session, T> create) {
        Object v = own.extensions.get(type);
        if (v == null) {
            synchronized (own.extensions) {
                v = own.extensions.get(type);
                if (v == null) {
                    v = create.apply(this);
                    own.extensions.put(type, v);
                }
            }
        }
        return type.cast(v);
    }

    /** Per-session state of an extension module, or null. */
    public <T> T extension(Class<T> type) { return type.cast(own.extensions.get(type)); }

    public <T> void putExtension(Class<T> type, T value) {
        if (value == null) own.extensions.remove(type); else own.extensions.put(type, value);
    }

    public <T> void removeExtension(Class<T> type) { own.extensions.remove(type); }

    /** Registers something to interrupt with this session and to close on reset and close. */
    public void register(SessionResource resource) { own.resources.add(resource); }

    // ---- interrupts ---------------------------------------------------------------------------

    public InterruptFlag interrupts() { return own.interrupts; }

    /** Asks the running evaluation (and guest code it runs) to stop at its next check. Any thread. */
    public void requestInterrupt() {
        own.interrupts.request();
        for (SessionResource r : own.resources) r.interrupt();
    }

    /** True when an interrupt is pending; long built-ins poll this at each step. */
    public boolean interruptPending() { return own.interrupts.pending(); }

    /**
     * Called where an interrupt was acted on: long work (a train, a sweep, a loop) stopped early
     * and kept its partial result. In {@link InterruptMode#STOP_CURRENT_WORK} the interrupt is
     * used up and the evaluation goes on after that work, with a notice on err; in
     * {@link InterruptMode#STOP_ENTRY} it stays pending, so the entry ends at the next check.
     *
     * @return true when the evaluation goes on
     */
    public boolean acknowledgeInterrupt(String what, Span site) {
        if (settings.interruptMode() != InterruptMode.STOP_CURRENT_WORK || forked) return false;
        own.interrupts.clear();
        String where = site == null || site.line() <= 0 ? "" : " (" + site.location() + ")";
        settings.err().println("interrupted: " + what + where + " stopped early; the script goes on with its partial result");
        settings.err().flush();
        return true;
    }

    /** Throws {@link Interrupted} at {@code at} when an interrupt is pending, clearing it. */
    public void checkInterrupt(Span at) {
        if (own.interrupts.pending()) {
            own.interrupts.clear();
            throw new Interrupted(at);
        }
    }

    // ---- lifetime -----------------------------------------------------------------------------

    /**
     * Forgets every user binding and import (REPL :reset) and closes what extensions opened
     * (guest contexts); host settings, the terminal and the precision stay.
     */
    public void reset() {
        scope.globals().clear();
        scope.modules().clear();
        closeResources();
        own.extensions.values().removeIf(v -> v instanceof AutoCloseable);
    }

    /** Ends the session: closes resources (guest contexts); a fork's globals are its parent's and stay. */
    @Override public void close() {
        closeResources();
        if (!forked) scope.globals().clear();
    }

    private void closeResources() {
        for (SessionResource r : own.resources) {
            try {
                r.close();
            } catch (RuntimeException e) {
                // a resource that fails to close is dropped all the same
            }
        }
        own.resources.clear();
    }
}
