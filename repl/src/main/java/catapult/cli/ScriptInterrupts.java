package catapult.cli;

import catapult.lang.session.Session;
import java.io.PrintStream;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C while {@code catapult run} runs a `.cat` script. The first press stops the current
 * train, sweep or loop: it returns what it computed and the script goes on with that partial
 * result (the session runs in {@code InterruptMode.STOP_CURRENT_WORK}). A second press within
 * {@link #SECOND_PRESS_SECONDS} seconds ends the script with exit code 130.
 */
final class ScriptInterrupts implements AutoCloseable {
    static final int SECOND_PRESS_SECONDS = 3;
    static final int EXIT_INTERRUPTED = 130;

    private final Session session;
    private final PrintStream out;
    private final PrintStream err;
    private final SignalHandler previous;
    private volatile long lastPress;

    private ScriptInterrupts(Session session, PrintStream out, PrintStream err) {
        this.session = session;
        this.out = out;
        this.err = err;
        this.previous = Signal.handle(new Signal("INT"), signal -> pressed());
    }

    /** Handles SIGINT for this session until {@link #close()}. */
    static ScriptInterrupts install(Session session, PrintStream out, PrintStream err) {
        return new ScriptInterrupts(session, out, err);
    }

    private void pressed() {
        long now = System.nanoTime();
        boolean second = lastPress != 0 && now - lastPress < SECOND_PRESS_SECONDS * 1_000_000_000L;
        lastPress = now;
        if (second) {
            out.flush();
            err.println();
            err.println("catapult: interrupted");
            err.flush();
            Runtime.getRuntime().halt(EXIT_INTERRUPTED);
        }
        err.println();
        err.println("catapult: stopping the current work (Ctrl-C again within " + SECOND_PRESS_SECONDS
                + " s ends the script)");
        err.flush();
        session.requestInterrupt();
    }

    @Override public void close() {
        Signal.handle(new Signal("INT"), previous);
    }
}
