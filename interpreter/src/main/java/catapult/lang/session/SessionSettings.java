package catapult.lang.session;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The host's settings for one session, typed: where {@code print} writes ({@code out}) and where
 * diagnostics and guest stderr go ({@code err}); whether guest JavaScript/Python code may use
 * files, processes, threads and the environment ({@code guestIo}, the command line's
 * {@code --allow-io}); which files the session's own code may use ({@code files}) and which ones
 * code submitted by guest languages may use ({@code guestFiles}); the longest a guest call may run
 * ({@code guestTimeout}, null for no limit); and what an interrupt stops ({@code interruptMode}).
 * Immutable: each {@code with...} returns a changed copy.
 */
public record SessionSettings(PrintStream out, PrintStream err, boolean guestIo, FileAccess files,
                              FileAccess guestFiles, Duration guestTimeout, InterruptMode interruptMode) {

    public SessionSettings {
        if (out == null || err == null || files == null || guestFiles == null || interruptMode == null) {
            throw new IllegalArgumentException("session settings need out, err, file policies and an interrupt mode");
        }
    }

    /** Standard output and error, unrestricted files for the user's code, none for guests, no guest I/O. */
    public static SessionSettings defaults() {
        return new SessionSettings(System.out, System.err, false, FileAccess.UNRESTRICTED, FileAccess.NONE, null,
                InterruptMode.STOP_ENTRY);
    }

    public SessionSettings withOut(OutputStream stream) {
        return new SessionSettings(print(stream), err, guestIo, files, guestFiles, guestTimeout, interruptMode);
    }

    public SessionSettings withErr(OutputStream stream) {
        return new SessionSettings(out, print(stream), guestIo, files, guestFiles, guestTimeout, interruptMode);
    }

    /** Lets guest code use files, processes, threads and the environment (its own I/O, not Catapult's). */
    public SessionSettings withGuestIo(boolean allow) {
        return new SessionSettings(out, err, allow, files, guestFiles, guestTimeout, interruptMode);
    }

    public SessionSettings withFiles(FileAccess policy) {
        return new SessionSettings(out, err, guestIo, policy, guestFiles, guestTimeout, interruptMode);
    }

    public SessionSettings withGuestFiles(FileAccess policy) {
        return new SessionSettings(out, err, guestIo, files, policy, guestTimeout, interruptMode);
    }

    public SessionSettings withGuestTimeout(Duration limit) {
        return new SessionSettings(out, err, guestIo, files, guestFiles, limit, interruptMode);
    }

    public SessionSettings withInterruptMode(InterruptMode mode) {
        return new SessionSettings(out, err, guestIo, files, guestFiles, guestTimeout, mode);
    }

    private static PrintStream print(OutputStream s) {
        return s instanceof PrintStream p ? p : new PrintStream(s, true, StandardCharsets.UTF_8);
    }
}
