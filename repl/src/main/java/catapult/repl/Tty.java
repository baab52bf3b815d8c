package catapult.repl;

import org.jline.terminal.spi.SystemStream;
import org.jline.terminal.spi.TerminalProvider;

/**
 * Whether a standard stream is an interactive terminal, which decides if progress bars and text
 * charts are drawn (never into a pipe or a log file). Java itself can only tell for stdin and
 * stdout together, so this asks JLine's native providers about one stream. The system property
 * {@code catapult.tty=true|false} overrides the answer (tests, and users who want bars in CI logs).
 */
public final class Tty {
    private Tty() {
    }

    public static boolean isTerminal(SystemStream stream) {
        String forced = System.getProperty("catapult.tty");
        if (forced != null) {
            return Boolean.parseBoolean(forced);
        }
        for (String provider : new String[] {"jni", "exec"}) {
            try {
                return TerminalProvider.load(provider).isSystemStream(stream);
            } catch (Throwable unavailable) {
                // Try the next provider; no provider at all means we cannot tell, so say no.
            }
        }
        return false;
    }

    public static boolean stderrIsTerminal() {
        return isTerminal(SystemStream.Error);
    }

    /** Columns of the terminal behind a stream: the COLUMNS variable, else JLine's native query, else 80. */
    public static int width(SystemStream stream) {
        String columns = System.getenv("COLUMNS");
        if (columns != null && columns.matches("\\d+") && Integer.parseInt(columns) > 0) {
            return Integer.parseInt(columns);
        }
        for (String provider : new String[] {"jni", "exec"}) {
            try {
                int w = TerminalProvider.load(provider).systemStreamWidth(stream);
                if (w > 0) {
                    return w;
                }
            } catch (Throwable unavailable) {
                // Try the next provider.
            }
        }
        return 80;
    }
}
