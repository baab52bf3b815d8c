package catapult.cli;

import catapult.builtins.TerminalHost;
import catapult.engine.train.ProgressListener;
import catapult.lang.session.Session;
import catapult.repl.ProgressBar;
import catapult.repl.Tty;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.jline.terminal.spi.SystemStream;

/**
 * For {@code catapult run} and {@code -e}: progress bars on stderr only when stderr is a
 * terminal, and text charts from {@code plot} only when stdout is one, so output redirected to a
 * file or a pipe stays clean.
 */
final class CliTerminal {
    private static final int CHART_MAX_WIDTH = 100;
    private static final int CHART_HEIGHT = 20;

    private CliTerminal() {
    }

    static void install(Session session, PrintStream err) {
        ProgressListener progress = ProgressListener.NONE;
        if (Tty.isTerminal(SystemStream.Error)) {
            PrintWriter w = new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true);
            progress = new ProgressBar(w, () -> Tty.width(SystemStream.Error));
        }
        boolean charts = Tty.isTerminal(SystemStream.Output);
        int width = charts ? Math.min(CHART_MAX_WIDTH, Tty.width(SystemStream.Output)) : 0;
        if (progress != ProgressListener.NONE || charts) {
            TerminalHost.install(session, new TerminalHost(progress, width, CHART_HEIGHT, !"dumb".equals(System.getenv("TERM"))));
        }
    }
}
