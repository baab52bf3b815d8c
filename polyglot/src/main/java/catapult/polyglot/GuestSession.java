package catapult.polyglot;

import catapult.lang.errors.Interrupted;
import catapult.lang.errors.RuntimeError;
import catapult.lang.session.Session;
import catapult.lang.session.SessionResource;
import catapult.lang.syntax.Span;
import java.util.EnumMap;
import java.util.Map;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/**
 * The guest-language side of one Catapult session: at most one context per language, created
 * lazily on first use (the first JavaScript context costs about a second, the first Python one
 * a few seconds; later ones on the shared engine much less) and reused by every later call.
 * Kept as the session's extension state and registered as a {@link SessionResource}, so closing
 * or resetting the session closes the contexts and interrupting it interrupts guest code. Code
 * that guests submit through their `catapult` object runs in the session's guest view, whose
 * files are confined to the guest policy.
 */
public final class GuestSession implements SessionResource {
    private final Session session;
    private final Session guestView;
    private final Map<GuestLanguage, GuestContext> contexts = new EnumMap<>(GuestLanguage.class);

    private GuestSession(Session session) {
        this.session = session;
        this.guestView = session.guestView();
    }

    /** The guest side of a session, created on first use. */
    public static GuestSession of(Session session) {
        return session.extension(GuestSession.class, s -> {
            GuestSession g = new GuestSession(s);
            s.register(g);
            return g;
        });
    }

    /** Whether guest code in this session may use files, processes, threads and Java classes. */
    public boolean allowIo() { return session.settings().guestIo(); }

    /** The context for a language, created on first use (and again after the memory guard discarded one). */
    synchronized GuestContext context(GuestLanguage language) {
        GuestContext c = contexts.get(language);
        if (c == null || c.isClosed()) {
            c = new GuestContext(language, guestView, allowIo(), session.settings().out(), session.settings().err());
            contexts.put(language, c);
        }
        return c;
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
        } catch (GuestLimitExceeded e) {
            throw new RuntimeError(language.id() + ": " + e.getMessage(), site);
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
        session.removeExtension(GuestSession.class);
    }
}
