package catapult.engine.plot;

import java.util.List;

/**
 * The data-to-screen mapping of a text chart: x and y ranges widened to whole ticks (or whole
 * decades on log axes), the tick values, and the position of a value as a fraction of an axis.
 */
record Axes(double xLo, double xHi, double yLo, double yHi, LogScale log, List<Double> xTicks, List<Double> yTicks) {
    private static final int X_TICKS = 6;

    static Axes fit(List<DrawableSeries> series, LogScale log, int rows) {
        double[] xr = extent(series, true);
        double[] yr = extent(series, false);
        int yTicks = Math.max(2, Math.min(6, rows / 2 + 1));
        double[] x = Ticks.range(xr[0], xr[1], log.logX(), X_TICKS);
        double[] y = Ticks.range(yr[0], yr[1], log.logY(), yTicks);
        return new Axes(x[0], x[1], y[0], y[1], log,
                Ticks.values(x[0], x[1], log.logX(), X_TICKS), Ticks.values(y[0], y[1], log.logY(), yTicks));
    }

    private static double[] extent(List<DrawableSeries> series, boolean xAxis) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (DrawableSeries s : series) {
            for (double v : xAxis ? s.x() : s.y()) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        return new double[] {lo, hi};
    }

    double xFraction(double v) {
        return fraction(v, xLo, xHi, log.logX());
    }

    double yFraction(double v) {
        return fraction(v, yLo, yHi, log.logY());
    }

    private static double fraction(double v, double lo, double hi, boolean logAxis) {
        if (logAxis) {
            return (Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo));
        }
        return hi == lo ? 0.5 : (v - lo) / (hi - lo);
    }

    /** Width of the widest y tick label, which sets the left margin. */
    int yLabelWidth() {
        return yTicks.stream().mapToInt(t -> Ticks.format(t).length()).max().orElse(1);
    }
}
