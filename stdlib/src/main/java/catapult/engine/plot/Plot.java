package catapult.engine.plot;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to draw, independent of where: several named series, axis labels, a title and log axes.
 * The same spec is rendered to PNG/SVG by {@link ChartFiles} and to the terminal by
 * {@link TextChart}, so a REPL user sees the shape of the figure that was saved.
 */
public final class Plot {
    private final List<PlotLine> series;
    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final LogScale log;

    private Plot(List<PlotLine> series, String title, String xLabel, String yLabel, LogScale log) {
        this.series = List.copyOf(series);
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.log = log;
    }

    /** A plot of the given series with no title, no labels and linear axes. */
    public static Plot of(List<PlotLine> series) {
        if (series.isEmpty()) {
            throw new IllegalArgumentException("plot: nothing to plot (no series given)");
        }
        return new Plot(uniqueNames(series), "", "", "", LogScale.NONE);
    }

    public static Plot of(PlotLine... series) {
        return of(List.of(series));
    }

    /**
     * Splits points into one series per group key (a table plotted {@code by:} a column),
     * in order of first appearance, each sorted by x so lines do not zigzag.
     */
    public static List<PlotLine> groupBy(double[] x, double[] y, List<String> keys) {
        if (x.length != y.length || x.length != keys.size()) {
            throw new IllegalArgumentException("plot: x, y and group columns differ in length ("
                    + x.length + ", " + y.length + ", " + keys.size() + ")");
        }
        Map<String, List<Integer>> rows = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            rows.computeIfAbsent(keys.get(i), k -> new ArrayList<>()).add(i);
        }
        List<PlotLine> out = new ArrayList<>();
        rows.forEach((key, idx) -> {
            idx.sort((a, b) -> Double.compare(x[a], x[b]));
            out.add(new PlotLine(key, pick(x, idx), pick(y, idx)));
        });
        return out;
    }

    private static double[] pick(double[] v, List<Integer> idx) {
        double[] out = new double[idx.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = v[idx.get(i)];
        }
        return out;
    }

    /** XChart and legends need distinct names: a repeated name gets " (2)", " (3)", ... */
    private static List<PlotLine> uniqueNames(List<PlotLine> in) {
        Map<String, Integer> seen = new LinkedHashMap<>();
        List<PlotLine> out = new ArrayList<>(in.size());
        for (PlotLine s : in) {
            int n = seen.merge(s.name(), 1, Integer::sum);
            out.add(n == 1 ? s : new PlotLine(s.name() + " (" + n + ")", s.x(), s.y()));
        }
        return out;
    }

    public Plot withTitle(String t) {
        return new Plot(series, Objects.requireNonNullElse(t, ""), xLabel, yLabel, log);
    }

    public Plot withXLabel(String l) {
        return new Plot(series, title, Objects.requireNonNullElse(l, ""), yLabel, log);
    }

    public Plot withYLabel(String l) {
        return new Plot(series, title, xLabel, Objects.requireNonNullElse(l, ""), log);
    }

    public Plot withLog(LogScale l) {
        return new Plot(series, title, xLabel, yLabel, Objects.requireNonNull(l));
    }

    public List<PlotLine> series() {
        return Collections.unmodifiableList(series);
    }

    public String title() {
        return title;
    }

    public String xLabel() {
        return xLabel;
    }

    public String yLabel() {
        return yLabel;
    }

    public LogScale log() {
        return log;
    }
}
