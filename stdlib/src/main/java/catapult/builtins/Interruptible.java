package catapult.builtins;

import catapult.engine.Cancellation;
import catapult.lang.builtins.Args;
import java.util.function.Supplier;

/**
 * Runs a built-in's long pure-Java work (draws, generators, file decoding) so that Ctrl-C
 * stops it: the engine's {@link Cancellation#poll} sees the session's interrupt request, and
 * the builtin layer reports the resulting cancellation as "interrupted".
 */
final class Interruptible {
    private Interruptible() {}

    static <T> T run(Args a, Supplier<T> body) {
        return Cancellation.watching(a.interp()::interruptPending, body);
    }
}
