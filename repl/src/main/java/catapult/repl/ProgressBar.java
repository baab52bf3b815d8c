package catapult.repl;

import catapult.engine.train.Progress;
import catapult.engine.train.ProgressListener;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * A one-line terminal progress bar for training runs and sweeps, redrawn in place with a
 * carriage return and erased when the work finishes so the result that follows takes its place:
 * {@code train  412/2000 ██████░░░░░░  loss 0.0312  lr 0.5 (0.81× crit 0.62)  ETA 12s}.
 * Redraws are throttled so a fast loop is not slowed by terminal output.
 */
public final class ProgressBar implements ProgressListener {
    private static final long REDRAW_NANOS = 100_000_000L;
    private static final int MAX_BAR = 30;
    private static final int MIN_BAR = 8;

    private final PrintWriter out;
    private final IntSupplier width;
    private final LongSupplier clock;
    private long started = -1;
    private long lastDraw = Long.MIN_VALUE;
    private boolean visible;

    /** @param width terminal columns (read at each redraw, so resizes are followed) */
    public ProgressBar(PrintWriter out, IntSupplier width, LongSupplier nanoClock) {
        this.out = out;
        this.width = width;
        this.clock = nanoClock;
    }

    public ProgressBar(PrintWriter out, IntSupplier width) {
        this(out, width, System::nanoTime);
    }

    /** Draws the report, or erases the bar when it is the task's final report. */
    @Override
    public void onProgress(Progress p) {
        if (p.finished()) {
            finish();
        } else {
            update(p);
        }
    }

    public synchronized void update(Progress p) {
        long now = clock.getAsLong();
        if (started < 0) {
            started = now;
        }
        boolean last = p.done() >= p.total();
        if (!last && visible && now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        out.print("\r" + line(p, now - started) + "\u001b[K");
        out.flush();
        visible = true;
    }

    /** Erases the bar, leaving the cursor at the start of the now empty line. */
    public synchronized void finish() {
        if (visible) {
            out.print("\r\u001b[K");
            out.flush();
        }
        visible = false;
        started = -1;
        lastDraw = Long.MIN_VALUE;
    }

    String line(Progress p, long elapsedNanos) {
        int cols = Math.max(40, width.getAsInt()) - 1;
        String counter = String.format(Locale.ROOT, "%s %" + String.valueOf(p.total()).length() + "d/%d",
                p.task(), p.done(), p.total());
        String info = info(p, elapsedNanos);
        int barWidth = Math.max(MIN_BAR, Math.min(MAX_BAR, cols - counter.length() - info.length() - 4));
        String line = " " + counter + " " + bar(p, barWidth) + info;
        return line.length() <= cols ? line : line.substring(0, cols);
    }

    private static String bar(Progress p, int width) {
        double f = p.total() <= 0 ? 0 : Math.min(1, Math.max(0, p.done() / (double) p.total()));
        int full = (int) Math.floor(f * width);
        return "█".repeat(full) + "░".repeat(width - full);
    }

    private static String info(Progress p, long elapsedNanos) {
        StringBuilder sb = new StringBuilder();
        if (!Double.isNaN(p.loss())) {
            sb.append("  loss ").append(number(p.loss()));
        }
        if (!Double.isNaN(p.lr())) {
            sb.append("  lr ").append(number(p.lr()));
            if (Double.isFinite(p.criticalLr()) && p.criticalLr() > 0) {
                sb.append(String.format(Locale.ROOT, " (%.2f× crit %s)", p.lr() / p.criticalLr(), number(p.criticalLr())));
            }
        }
        double eta = Double.isNaN(p.etaSeconds()) ? estimate(p, elapsedNanos) : p.etaSeconds();
        if (Double.isFinite(eta) && p.done() < p.total()) {
            sb.append("  ETA ").append(duration(eta));
        }
        return sb.toString();
    }

    private static double estimate(Progress p, long elapsedNanos) {
        return p.done() <= 0 ? Double.NaN : elapsedNanos / 1e9 / p.done() * (p.total() - p.done());
    }

    static String number(double v) {
        if (!Double.isFinite(v)) {
            return Double.isNaN(v) ? "nan" : v > 0 ? "inf" : "-inf";
        }
        return String.format(Locale.ROOT, Math.abs(v) >= 1e-3 && Math.abs(v) < 1e5 || v == 0 ? "%.4g" : "%.3e", v)
                .replaceAll("(\\.\\d*?)0+($|e)", "$1$2").replaceAll("\\.($|e)", "$1");
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return (s / 60) + "m" + String.format(Locale.ROOT, "%02d", s % 60) + "s";
        }
        return (s / 3600) + "h" + String.format(Locale.ROOT, "%02d", (s % 3600) / 60) + "m";
    }
}
