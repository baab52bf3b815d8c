package catapult.polyglot;

import catapult.lang.session.Session;
import catapult.lang.session.SessionSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;

/**
 * `catapult run file.py | file.js`: runs a Python or JavaScript host script with the global
 * `catapult` object bound to a fresh Catapult session (sandboxed unless allowIo). Returns the
 * exit code: 0 ok, the script's own exit status (sys.exit), 65 guest syntax error, 66 unreadable
 * file, 70 uncaught error (message and guest stack on err) or a guest limit exceeded (the
 * session's guestTimeout bounds the whole script), 130 interrupted.
 */
public final class GuestRunner {
    private static final int EX_USAGE = 64, EX_SYNTAX = 65, EX_NOINPUT = 66, EX_RUNTIME = 70, EX_INTERRUPTED = 130;
    private static final int MAX_FRAMES = 12;

    private GuestRunner() {}

    public static int run(Path file, PrintStream out, PrintStream err) {
        return run(file, SessionSettings.defaults().withOut(out).withErr(err));
    }

    /**
     * Runs the script in a new session with these settings: its guestIo and guestFiles say what
     * the script may do itself and through its `catapult` object.
     */
    public static int run(Path file, SessionSettings settings) {
        PrintStream out = settings.out();
        PrintStream err = settings.err();
        GuestLanguage language = GuestLanguage.forFile(file);
        if (language == null) {
            err.println("catapult: " + file + ": expected a .py or .js file");
            return EX_USAGE;
        }
        Source source;
        try {
            source = Source.newBuilder(language.id(), file.toFile()).build();
        } catch (IOException e) {
            err.println("catapult: cannot read " + file + ": " + e.getMessage());
            return EX_NOINPUT;
        }
        try (Session session = Session.standard(settings)) {
            try {
                GuestSession.of(session).context(language).eval(source);
                out.flush();
                return 0;
            } catch (PolyglotException e) { // reported before the context closes: the error object lives in it
                out.flush();
                return report(e, err);
            } catch (GuestLimitExceeded e) {
                out.flush();
                err.println("catapult: " + file.getFileName() + ": " + e.getMessage());
                return EX_RUNTIME;
            }
        }
    }

    private static int report(PolyglotException e, PrintStream err) {
        if (e.isExit()) return e.getExitStatus();
        if (e.isInterrupted() || e.isCancelled()) {
            err.println("catapult: interrupted");
            return EX_INTERRUPTED;
        }
        if (e.isSyntaxError()) {
            err.println(GuestErrors.describe(e));
            return EX_SYNTAX;
        }
        err.println(GuestErrors.headline(e));
        int shown = 0;
        for (PolyglotException.StackFrame f : e.getPolyglotStackTrace()) {
            var s = f.getSourceLocation();
            if (!f.isGuestFrame() || s == null || s.getSource().getName().equals(GuestContext.KIT_NAME) || shown++ >= MAX_FRAMES) continue;
            err.println("  at " + s.getSource().getName() + ":" + s.getStartLine() + " (" + f.getRootName() + ")");
        }
        if (e.isHostException() && System.getenv("CATAPULT_DEBUG") != null) e.asHostException().printStackTrace(err);
        return EX_RUNTIME;
    }
}
