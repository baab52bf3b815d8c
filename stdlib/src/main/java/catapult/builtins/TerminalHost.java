package catapult.builtins;

import catapult.engine.train.ProgressListener;
import catapult.lang.session.Session;
import java.util.Optional;

/**
 * What the host's terminal offers to builtins: a listener that draws progress of long runs, and
 * the size of text charts that {@code plot} draws on the output. The REPL or CLI installs it in
 * the session only when the stream is a terminal, so scripts piped to a file
 * never get progress bars or charts.
 *
 * @param progress    draws training/sweep progress, or {@link ProgressListener#NONE}
 * @param chartWidth  columns of a text chart; 0 draws no charts
 * @param chartHeight lines of a text chart
 * @param colour      whether charts may use ANSI colours
 */
public record TerminalHost(ProgressListener progress, int chartWidth, int chartHeight, boolean colour) {
    public TerminalHost {
        progress = progress == null ? ProgressListener.NONE : progress;
    }

    /** Gives a session's built-ins this terminal (sweep workers, which fork the session, get none). */
    public static void install(Session session, TerminalHost host) {
        session.putExtension(TerminalHost.class, host);
    }

    public static Optional<TerminalHost> of(Session session) {
        return Optional.ofNullable(session.extension(TerminalHost.class));
    }

    /** The progress listener builtins such as train and sweep should report to (NONE without a terminal). */
    public static ProgressListener progress(Session session) {
        return of(session).map(TerminalHost::progress).orElse(ProgressListener.NONE);
    }

    public boolean drawsCharts() {
        return chartWidth > 0;
    }
}
