package catapult.polyglot;

import catapult.api.Catapult;
import catapult.api.HostResource;
import catapult.lang.errors.Interrupted;
import catapult.lang.errors.RuntimeError;
import catapult.lang.eval.Interpreter;
import catapult.lang.syntax.Span;
import java.io.PrintStream;
import java.util.EnumMap;
import java.util.Map;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/**
 * The guest-language side of one Catapult session: at most one context per language, created
 * lazily on first use (the first JavaScript context costs about a second, the first Python one
 * a few seconds; later ones on the shared engine much less) and reused by every later call.
 * Kept in the interpreter's host state and registered as a {@link HostResource}, so closing a
 * {@link Catapult} session closes the contexts and interrupting it interrupts guest code.
 */
public final class GuestSession implements HostResource {
    private static final String KEY = "catapult.polyglot.session";

    private final Interpreter interp;
    private final boolean allowIo;
    private final Map<GuestLanguage, GuestContext> contexts = new EnumMap<>(GuestLanguage.class);

    private GuestSession(Interpreter interp) {
        this.interp = interp;
        this.allowIo = Boolean.TRUE.equals(interp.hostState().get(Catapult.ALLOW_IO));
    }

    /** The session of an interpreter, created on first use. */
    public static GuestSession of(Interpreter interp) {
        synchronized (interp.hostState()) {
            Object existing = interp.hostState().get(KEY);
            if (existing instanceof GuestSession s) return s;
            GuestSession s = new GuestSession(interp);
            interp.hostState().put(KEY, s);
            HostResource.register(interp, s);
            return s;
        }
    }

    /** Whether guest code in this session may use files, processes, threads and Java classes. */
    public boolean allowIo() { return allowIo; }

    /** The context for a language, created on first use. */
    synchronized GuestContext context(GuestLanguage language) {
        return contexts.computeIfAbsent(language, l -> new GuestContext(l, interp, allowIo, interp.out(), errStream()));
    }

    private PrintStream errStream() {
        return interp.hostState().get(Catapult.ERR) instanceof PrintStream p ? p : System.err;
    }

    /**
     * Evaluates guest source for js()/python(): a function becomes a callable Catapult function,
     * any other value is converted. Guest errors become Catapult errors at site.
     */
    public Object define(GuestLanguage language, String code, Span site) {
        GuestContext ctx = context(language);
        String text = language == GuestLanguage.PYTHON ? dedent(code) : code;
        Source source = Source.newBuilder(language.id(), text, "<" + language.id() + " in " + site.file().name() + ":" + site.line() + ">").buildLiteral();
        try {
            Value v = ctx.eval(source);
            return ctx.enter(() -> ctx.values().toCatapult(v));
        } catch (PolyglotException e) {
            if (e.isInterrupted() || e.isCancelled()) throw new Interrupted(site);
            throw new RuntimeError(language.id() + ": " + GuestErrors.describe(e), site);
        }
    }

    /** Python code written indented inside a .cat string: removes the common leading indentation of its lines. */
    static String dedent(String code) {
        String[] lines = code.split("\n", -1);
        int indent = Integer.MAX_VALUE;
        for (String line : lines) {
            if (!line.isBlank()) indent = Math.min(indent, line.length() - line.stripLeading().length());
        }
        if (indent == Integer.MAX_VALUE) return code.strip();
        StringBuilder out = new StringBuilder();
        for (String line : lines) out.append(line.isBlank() ? "" : line.substring(indent)).append('\n');
        return out.toString().strip();
    }

    @Override public synchronized void interrupt() {
        for (GuestContext c : contexts.values()) {
            if (c.runningGuestCode()) c.interrupt();
        }
    }

    @Override public synchronized void close() {
        for (GuestContext c : contexts.values()) c.close();
        contexts.clear();
        interp.hostState().remove(KEY);
    }
}
