package catapult.cpython;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Where a CPython session's {@code print} output goes: the worker thread writes, the Python
 * thread drains it every few milliseconds and writes it to {@code sys.stdout}, so output shows
 * while a long evaluation runs (in a notebook too, where the process's own stdout is not seen).
 */
final class TextBuffer extends OutputStream {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    @Override public synchronized void write(int b) { bytes.write(b); }

    @Override public synchronized void write(byte[] b, int off, int len) { bytes.write(b, off, len); }

    /** Everything written since the last drain, decoded as UTF-8 (a split character waits for its rest). */
    synchronized String drain() {
        byte[] all = bytes.toByteArray();
        int end = completeUtf8Prefix(all);
        bytes.reset();
        bytes.write(all, end, all.length - end);
        return new String(all, 0, end, StandardCharsets.UTF_8);
    }

    /** Length of the longest prefix that does not end inside a multi-byte UTF-8 sequence. */
    static int completeUtf8Prefix(byte[] b) {
        int i = b.length;
        int back = 0;
        while (i > 0 && back < 4 && (b[i - 1] & 0xC0) == 0x80) {
            i--;
            back++;
        }
        if (i == 0) return b.length;
        int lead = b[i - 1] & 0xFF;
        int need = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : lead >= 0xC0 ? 1 : 0;
        return need > back ? i - 1 : b.length;
    }
}
