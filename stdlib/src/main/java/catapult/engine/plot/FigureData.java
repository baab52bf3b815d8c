package catapult.engine.plot;

import java.util.ArrayList;
import java.util.List;

/**
 * A panel's drawable content and extent: the points that can be shown on its axes (finite, and
 * positive on a log axis; a diverged run ends in NaN and a loss may touch zero, and both are
 * skipped as matplotlib masks them) and the data range the axes must cover, reference lines
 * included so they stay in view.
 */
record FigureData(Panel panel, List<PlotLine> lines, double xMin, double xMax, double yMin, double yMax) {

    static List<FigureData> of(Plot plot) {
        List<FigureData> out = new ArrayList<>();
        for (Panel p : plot.panels()) {
            FigureData d = of(p, plot.logX());
            if (d != null) {
                out.add(d);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no point can be drawn (every value is "
                    + (plot.logX() || plot.panels().stream().anyMatch(Panel::logY)
                    ? "non-finite or not positive on a log axis)" : "non-finite)"));
        }
        return out;
    }

    private static FigureData of(Panel p, boolean logX) {
        double[] ext = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        List<PlotLine> lines = new ArrayList<>();
        for (PlotLine s : p.lines()) {
            PlotLine kept = drawable(s, logX, p.logY());
            lines.add(kept);
            for (int i = 0; i < kept.size(); i++) {
                grow(ext, kept.xAt(i), kept.yAt(i));
            }
        }
        for (Band b : p.bands()) {
            for (int i = 0; i < b.x().length; i++) {
                if (ok(b.x()[i], logX) && ok(b.hi()[i], p.logY())) {
                    grow(ext, b.x()[i], b.hi()[i]);
                    if (ok(b.lo()[i], p.logY())) {
                        grow(ext, b.x()[i], b.lo()[i]);
                    }
                }
            }
        }
        List<Band> bands = new ArrayList<>();
        for (Band b : p.bands()) {
            bands.add(drawable(b, logX, p.logY(), ext[2]));
        }
        if (ext[0] > ext[1]) {
            return null;
        }
        List<Double> hlines = new ArrayList<>();
        for (double v : p.hlines()) {
            if (ok(v, p.logY())) {
                hlines.add(v);
                ext[2] = Math.min(ext[2], v);
                ext[3] = Math.max(ext[3], v);
            }
        }
        Panel shown = new Panel(p.yLabel(), p.logY(), lines, p.colours(), bands, hlines);
        return new FigureData(shown, lines, ext[0], ext[1], ext[2], ext[3]);
    }

    private static void grow(double[] ext, double x, double y) {
        ext[0] = Math.min(ext[0], x);
        ext[1] = Math.max(ext[1], x);
        ext[2] = Math.min(ext[2], y);
        ext[3] = Math.max(ext[3], y);
    }

    private static PlotLine drawable(PlotLine s, boolean logX, boolean logY) {
        double[] x = new double[s.size()];
        double[] y = new double[s.size()];
        int n = 0;
        for (int i = 0; i < s.size(); i++) {
            if (ok(s.xAt(i), logX) && ok(s.yAt(i), logY)) {
                x[n] = s.xAt(i);
                y[n] = s.yAt(i);
                n++;
            }
        }
        return new PlotLine(s.name(), java.util.Arrays.copyOf(x, n), java.util.Arrays.copyOf(y, n));
    }

    /** The band's drawable points; on a log axis a lower edge at or below zero is drawn at the data's floor. */
    private static Band drawable(Band b, boolean logX, boolean logY, double floor) {
        double[] bx = b.x();
        double[] lo = b.lo();
        double[] hi = b.hi();
        int n = 0;
        for (int i = 0; i < bx.length; i++) {
            boolean clipped = logY && Double.isFinite(lo[i]) && lo[i] <= 0;
            if (ok(bx[i], logX) && (ok(lo[i], logY) || clipped) && ok(hi[i], logY)) {
                bx[n] = bx[i];
                lo[n] = clipped ? floor : lo[i];
                hi[n] = hi[i];
                n++;
            }
        }
        return new Band(b.name(), java.util.Arrays.copyOf(bx, n), java.util.Arrays.copyOf(lo, n), java.util.Arrays.copyOf(hi, n),
                b.colour());
    }

    private static boolean ok(double v, boolean onLogAxis) {
        return Double.isFinite(v) && (!onLogAxis || v > 0);
    }
}
