package catapult.sweep;

/**
 * Something that runs a sweep's points: worker threads in this process
 * ({@link ThreadSweepEngine}) or a Spark cluster (the catapult-spark module, found through
 * META-INF/services/catapult.sweep.SweepEngine so that nothing loads Spark unless a sweep asks
 * for it).
 */
public interface SweepEngine {

    /** Whether this engine runs sweeps for {@code on:} (e.g. "spark", "local[4]", "spark://host:7077"). */
    boolean accepts(String on);

    /**
     * Runs every point of the task, reporting each as it finishes; returns when all have been
     * reported or the task is stopping. Failures of the body are reported, not thrown; throws
     * (with a clear message) only when the engine itself cannot run, e.g. a cluster is unreachable.
     */
    void run(SweepTask task);
}
