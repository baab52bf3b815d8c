package catapult.repl;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Bytes written by the interpreter's PrintStream, passed to the terminal's writer as text:
 * JLine owns the terminal through its writer, and mixing in raw byte output would interleave
 * badly. Bytes are buffered until a flush or newline so multi-byte characters stay whole.
 */
final class WriterOutputStream extends OutputStream {
    private final PrintWriter writer;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    WriterOutputStream(PrintWriter writer) {
        this.writer = writer;
    }

    @Override
    public synchronized void write(int b) {
        pending.write(b);
        if (b == '\n') {
            flush();
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        pending.write(b, off, len);
        for (int i = off; i < off + len; i++) {
            if (b[i] == '\n') {
                flush();
                return;
            }
        }
    }

    @Override
    public synchronized void flush() {
        if (pending.size() > 0) {
            writer.write(pending.toString(StandardCharsets.UTF_8));
            pending.reset();
        }
        writer.flush();
    }
}
