package catapult.repl;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;

/**
 * Drives a {@link Repl} on a virtual xterm: keystrokes go in through a pipe, the screen output is
 * collected, and {@link #await} waits until some text shows up (as a user watching would).
 */
final class TerminalDriver implements AutoCloseable {
    private final PipedOutputStream keys = new PipedOutputStream();
    private final PipedInputStream in;
    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    private final Terminal terminal;
    private final Thread loop;
    private final AtomicInteger exitCode = new AtomicInteger(-1);
    private int mark;

    TerminalDriver(ReplSession session, Path history) throws IOException {
        in = new PipedInputStream(keys, 1 << 16);
        // ExternalTerminal runs JLine's own line discipline, so Ctrl-C typed into the pipe raises
        // SIGINT inside the terminal exactly as a real tty does (a pty would deliver it nowhere).
        terminal = new ExternalTerminal("test", "xterm", in, screen, StandardCharsets.UTF_8);
        terminal.setSize(new Size(120, 40));
        Repl repl = new Repl(terminal, session, history);
        loop = new Thread(() -> exitCode.set(repl.run()), "repl-under-test");
        loop.setDaemon(true);
        loop.start();
    }

    /** Waits until the terminal has taken every typed byte from the pipe, plus a moment to process them. */
    void awaitConsumed() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (in.available() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        Thread.sleep(100);
    }

    void type(String text) throws IOException {
        keys.write(text.getBytes(StandardCharsets.UTF_8));
        keys.flush();
    }

    /** Waits until {@code text} appears in the output written since the last await; returns that output. */
    String await(String text) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            String all = plain();
            int at = all.indexOf(text, mark);
            if (at >= 0) {
                String seen = all.substring(mark, at + text.length());
                mark = at + text.length();
                return seen;
            }
            Thread.sleep(5);
        }
        StringBuilder stack = new StringBuilder();
        for (StackTraceElement e : loop.getStackTrace()) {
            stack.append("\n  at ").append(e);
        }
        throw new AssertionError("timed out waiting for '" + text + "'; screen since last match:\n"
                + plain().substring(mark) + "\nREPL thread (" + loop.getState() + "):" + stack);
    }

    /** Everything written so far, without ANSI escape sequences. */
    String plain() {
        String raw;
        synchronized (screen) {
            raw = screen.toString(StandardCharsets.UTF_8);
        }
        return raw.replaceAll("\u001b\\[[0-9;?]*[A-Za-z]", "").replaceAll("\u001b[()][0-9A-Za-z]|\u001b[>=]", "");
    }

    int awaitExit() throws InterruptedException {
        loop.join(10_000);
        return exitCode.get();
    }

    @Override
    public void close() throws IOException {
        // End of input makes the REPL leave (and write its history) before the test's files go.
        keys.close();
        try {
            loop.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        terminal.close();
    }
}
