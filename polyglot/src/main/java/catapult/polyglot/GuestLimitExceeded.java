package catapult.polyglot;

import java.time.Duration;

/**
 * Guest code ran past a limit and was stopped: its time limit ({@code --guest-timeout}) or the
 * JVM's memory guard ({@link GuestMemoryGuard}). Thrown by {@link GuestContext#enter} at the
 * outermost entry; callers turn it into a positioned Catapult error (js()/python()) or an exit
 * status (host scripts).
 */
final class GuestLimitExceeded extends RuntimeException {
    private final boolean memory;

    private GuestLimitExceeded(String message, boolean memory) {
        super(message, null, false, false);
        this.memory = memory;
    }

    static GuestLimitExceeded time(Duration limit) {
        return new GuestLimitExceeded("guest code exceeded its time limit of " + seconds(limit) + " s", false);
    }

    static GuestLimitExceeded memory(long heapUsed, long heapLimit, GuestLanguage language) {
        return new GuestLimitExceeded("guest code exceeded its memory limit: the Java heap still held "
                + megabytes(heapUsed) + " MB after a garbage collection (limit " + megabytes(heapLimit)
                + " MB); the session's " + language.displayName() + " context was discarded, so functions "
                + "defined in it must be defined again", true);
    }

    /** True for the memory limit: the context that ran the code is discarded. */
    boolean memory() { return memory; }

    private static String seconds(Duration d) {
        double s = d.toNanos() / 1e9;
        return s == Math.rint(s) ? String.valueOf((long) s) : String.valueOf(s);
    }

    private static long megabytes(long bytes) { return bytes >> 20; }
}
