package catapult.engine;

import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Lets long pure-Java loops of the engine (random draws, file decoding, dataset generation)
 * stop when the user presses Ctrl-C, without the engine knowing the interpreter: the built-in
 * that calls such a loop installs its session's interrupt check with {@link #watching}, and
 * the loop calls {@link #poll} every few thousand iterations. A poll that sees an interrupt
 * throws {@link CancellationException}, which the builtin layer reports as "interrupted".
 * The thread's own interrupt flag is honoured too (a sweep's workers are stopped that way).
 */
public final class Cancellation {
    private static final ThreadLocal<BooleanSupplier> CHECK = new ThreadLocal<>();

    private Cancellation() {}

    /** Runs body with check installed as this thread's interrupt check (nested calls restore the outer one). */
    public static <T> T watching(BooleanSupplier check, Supplier<T> body) {
        BooleanSupplier saved = CHECK.get();
        CHECK.set(check);
        try {
            return body.get();
        } finally {
            if (saved == null) CHECK.remove();
            else CHECK.set(saved);
        }
    }

    /** Throws CancellationException when an interrupt is pending for this thread. */
    public static void poll() {
        BooleanSupplier check = CHECK.get();
        if (Thread.currentThread().isInterrupted() || (check != null && check.getAsBoolean())) {
            throw new CancellationException("interrupted");
        }
    }

    /** Polls every 2^16 iterations of a loop counter i: cheap enough for the innermost loop. */
    public static void poll(long i) {
        if ((i & 0xffff) == 0) poll();
    }
}
