package catapult.engine.train;

/**
 * Forwards progress to a listener at most once per interval (and always for the final report),
 * computing elapsed time and ETA, so hot loops can report every step for the price of a clock read.
 */
public final class ProgressThrottle {

    /** Default spacing of reports: fast enough to look live, slow enough to cost nothing. */
    public static final long DEFAULT_INTERVAL_NANOS = 100_000_000L;

    private final ProgressListener listener;
    private final String task;
    private final long intervalNanos;
    private final long startNanos = System.nanoTime();
    private long lastNanos;

    public ProgressThrottle(ProgressListener listener, String task) {
        this(listener, task, DEFAULT_INTERVAL_NANOS);
    }

    public ProgressThrottle(ProgressListener listener, String task, long intervalNanos) {
        this.listener = listener == null ? ProgressListener.NONE : listener;
        this.task = task;
        this.intervalNanos = intervalNanos;
        this.lastNanos = startNanos;
    }

    /** Reports when the interval has passed since the last report, or when {@code finished}. */
    public void report(long done, long total, double loss, double lr, double criticalLr, boolean finished) {
        if (listener == ProgressListener.NONE) return;
        long now = System.nanoTime();
        if (!finished && now - lastNanos < intervalNanos) return;
        lastNanos = now;
        double elapsed = (now - startNanos) / 1e9;
        double eta = done > 0 ? elapsed / done * Math.max(0, total - done) : Double.NaN;
        listener.onProgress(new Progress(task, done, total, loss, lr, criticalLr, elapsed, finished ? 0 : eta, finished));
    }
}
