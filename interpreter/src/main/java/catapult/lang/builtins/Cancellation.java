package catapult.lang.builtins;

import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Lets long loops of the engine (random draws, file decoding, dataset generation, Lanczos,
 * learning-rate searches) stop when the user presses Ctrl-C, without the engine knowing the
 * session: every built-in call installs its session's interrupt check here ({@link Builtin}
 * does it), and engine loops call {@link #poll} as they go. A poll that sees an interrupt
 * throws {@link CancellationException}, which the built-in reports as "interrupted". The
 * thread's own interrupt flag is honoured too (a sweep's workers are stopped that way).
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
        if (pending()) throw new CancellationException("interrupted");
    }

    /** True when an interrupt is pending for this thread (for loops that stop gracefully). */
    public static boolean pending() {
        BooleanSupplier check = CHECK.get();
        return Thread.currentThread().isInterrupted() || (check != null && check.getAsBoolean());
    }

    /** Polls every 2^16 iterations of a loop counter i: cheap enough for the innermost loop. */
    public static void poll(long i) {
        if ((i & 0xffff) == 0) poll();
    }
}
