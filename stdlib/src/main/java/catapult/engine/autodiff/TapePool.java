package catapult.engine.autodiff;

import java.util.ArrayDeque;
import java.util.Iterator;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The idle {@link TapeSlots} of one program, handed to the next forward pass with the same batch
 * size and dtype: a training loop alternates between at most a few sizes (the mini-batch, the
 * last batch of an epoch, the whole training set, the test set), so after the first steps every
 * pass finds its buffers here. Bounded in count and bytes; thread-safe, because copies of a
 * network share their program and sweeps train them in parallel.
 */
final class TapePool {
    private static final int MAX_IDLE = 6;
    private static final long MAX_IDLE_BYTES = 256L << 20;

    private final int nodes;
    private final ArrayDeque<TapeSlots> idle = new ArrayDeque<>();

    TapePool(int nodes) { this.nodes = nodes; }

    /** Idle slots for (n, dtype), or fresh empty ones. */
    synchronized TapeSlots take(int n, DataType dtype) {
        for (Iterator<TapeSlots> it = idle.iterator(); it.hasNext(); ) {
            TapeSlots s = it.next();
            if (s.n == n && s.dtype == dtype) {
                it.remove();
                return s;
            }
        }
        return new TapeSlots(n, nodes, dtype);
    }

    /** Keeps slots for reuse (most recent first), freeing the oldest beyond the bounds. */
    synchronized void give(TapeSlots s) {
        if (s.bytes() > MAX_IDLE_BYTES) {
            s.free();
            return;
        }
        idle.addFirst(s);
        long total = 0;
        for (TapeSlots t : idle) total += t.bytes();
        while (idle.size() > MAX_IDLE || total > MAX_IDLE_BYTES) {
            TapeSlots oldest = idle.removeLast();
            total -= oldest.bytes();
            oldest.free();
        }
    }
}
