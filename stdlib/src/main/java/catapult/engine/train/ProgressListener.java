package catapult.engine.train;

/**
 * Receives progress reports of training runs and sweeps. Reports are rate-limited by the engine
 * (see {@link ProgressThrottle}), so a listener may draw on a terminal each time it is called.
 * Called on the training thread (or a sweep worker): implementations must be quick and, for
 * sweeps, thread-safe.
 */
@FunctionalInterface
public interface ProgressListener {

    void onProgress(Progress progress);

    /** Ignores every report. */
    ProgressListener NONE = p -> { };
}
