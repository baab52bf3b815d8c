package catapult.jupyter;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.function.Supplier;

/**
 * An output stream that writes to whatever {@code System.out} (or err) is at the time of the
 * write: the kernel base points them at the notebook's stream while a cell runs, and the
 * session's print stream is fixed when the session is created.
 */
final class StdoutRelay extends OutputStream {
    private final Supplier<PrintStream> target;

    private StdoutRelay(Supplier<PrintStream> target) { this.target = target; }

    static PrintStream out() { return new PrintStream(new StdoutRelay(() -> System.out), true, java.nio.charset.StandardCharsets.UTF_8); }

    static PrintStream err() { return new PrintStream(new StdoutRelay(() -> System.err), true, java.nio.charset.StandardCharsets.UTF_8); }

    @Override public void write(int b) { target.get().write(b); }

    @Override public void write(byte[] b, int off, int len) { target.get().write(b, off, len); }

    @Override public void flush() { target.get().flush(); }
}
