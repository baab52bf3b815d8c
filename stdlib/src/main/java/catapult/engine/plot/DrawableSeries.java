package catapult.engine.plot;

import java.util.ArrayList;
import java.util.List;

/**
 * The points of a series that can actually be drawn on the plot's axes: finite, and positive on
 * a log axis. A diverged run ends in NaN/inf and a loss curve on a log axis may touch zero;
 * both renderers skip those points (as matplotlib masks them) instead of failing.
 */
record DrawableSeries(String name, double[] x, double[] y) {

    static List<DrawableSeries> of(Plot plot) {
        List<DrawableSeries> out = new ArrayList<>();
        for (PlotLine s : plot.series()) {
            out.add(filter(s, plot.log()));
        }
        if (out.stream().allMatch(d -> d.x.length == 0)) {
            throw new IllegalArgumentException("no point can be drawn (every value is "
                    + (plot.log() == LogScale.NONE ? "non-finite)" : "non-finite or not positive on a log axis)"));
        }
        return out;
    }

    private static DrawableSeries filter(PlotLine s, LogScale log) {
        int n = 0;
        double[] x = new double[s.size()];
        double[] y = new double[s.size()];
        for (int i = 0; i < s.size(); i++) {
            double xi = s.xAt(i);
            double yi = s.yAt(i);
            if (drawable(xi, log.logX()) && drawable(yi, log.logY())) {
                x[n] = xi;
                y[n] = yi;
                n++;
            }
        }
        return new DrawableSeries(s.name(), java.util.Arrays.copyOf(x, n), java.util.Arrays.copyOf(y, n));
    }

    private static boolean drawable(double v, boolean onLogAxis) {
        return Double.isFinite(v) && (!onLogAxis || v > 0);
    }

    boolean isEmpty() {
        return x.length == 0;
    }
}
