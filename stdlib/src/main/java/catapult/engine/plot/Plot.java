package catapult.engine.plot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to draw, independent of where: one or more {@link Panel}s stacked over a shared x axis,
 * a title, the x label and whether x is logarithmic. The same spec is rendered to PNG/SVG by
 * {@link ChartFiles} and to the terminal by {@link TextChart}, so a REPL user sees the shape of
 * the figure that was saved.
 */
public final class Plot {
    private final List<Panel> panels;
    private final String title;
    private final String xLabel;
    private final boolean logX;

    private Plot(List<Panel> panels, String title, String xLabel, boolean logX) {
        this.panels = List.copyOf(panels);
        this.title = title;
        this.xLabel = xLabel;
        this.logX = logX;
    }

    /** A plot of the given series in one panel, with no title, no labels and linear axes. */
    public static Plot of(List<PlotLine> series) {
        if (series.isEmpty()) {
            throw new IllegalArgumentException("nothing to plot (no series given)");
        }
        return of(List.of(Panel.of("", series)), "");
    }

    public static Plot of(PlotLine... series) {
        return of(List.of(series));
    }

    /** A plot of stacked panels sharing the x axis labelled {@code xLabel}. */
    public static Plot of(List<Panel> panels, String xLabel) {
        if (panels.isEmpty() || panels.stream().allMatch(Panel::isEmpty)) {
            throw new IllegalArgumentException("nothing to plot (no series given)");
        }
        List<Panel> distinct = new ArrayList<>();
        for (Panel p : panels) {
            distinct.add(p.withLines(uniqueNames(p.lines())));
        }
        return new Plot(distinct, "", Objects.requireNonNullElse(xLabel, ""), false);
    }

    /**
     * Splits points into one series per group key (a table plotted {@code by:} a column),
     * in order of first appearance, each sorted by x so lines do not zigzag.
     */
    public static List<PlotLine> groupBy(double[] x, double[] y, List<String> keys) {
        if (x.length != y.length || x.length != keys.size()) {
            throw new IllegalArgumentException("x, y and group columns differ in length ("
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

    /** Legends need distinct names: a repeated name gets " (2)", " (3)", ... */
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
        return new Plot(panels, Objects.requireNonNullElse(t, ""), xLabel, logX);
    }

    public Plot withXLabel(String l) {
        return new Plot(panels, title, Objects.requireNonNullElse(l, ""), logX);
    }

    /** Sets the y label of every panel (meant for one-panel plots, whose label this is). */
    public Plot withYLabel(String l) {
        return new Plot(panels.stream().map(p -> p.withYLabel(Objects.requireNonNullElse(l, ""))).toList(), title, xLabel, logX);
    }

    /** Log scales for x and for the y axis of every panel. */
    public Plot withLog(LogScale l) {
        Objects.requireNonNull(l);
        return new Plot(panels.stream().map(p -> p.withLogY(l.logY())).toList(), title, xLabel, l.logX());
    }

    /** As {@link #withLog}, but the y scale of each panel as given (x log or not for all). */
    public Plot withPanels(List<Panel> newPanels) {
        return new Plot(newPanels, title, xLabel, logX);
    }

    /**
     * Panel i as a plot of its own, as it appears in this figure: the title stays with the top
     * panel and the x label with the bottom one (how the terminal stacks panels).
     */
    public Plot panel(int i) {
        Panel p = panels.get(i);
        return new Plot(List.of(p), i == 0 ? title : "", i == panels.size() - 1 ? xLabel : "", logX);
    }

    public List<Panel> panels() {
        return panels;
    }

    /** Every line of every panel, top panel first. */
    public List<PlotLine> series() {
        List<PlotLine> out = new ArrayList<>();
        panels.forEach(p -> out.addAll(p.lines()));
        return out;
    }

    public String title() {
        return title;
    }

    public String xLabel() {
        return xLabel;
    }

    /** The first panel's y label. */
    public String yLabel() {
        return panels.get(0).yLabel();
    }

    public boolean logX() {
        return logX;
    }

    /** The scales of x and of the first panel's y. */
    public LogScale log() {
        boolean logY = panels.get(0).logY();
        return logX ? (logY ? LogScale.XY : LogScale.X) : (logY ? LogScale.Y : LogScale.NONE);
    }
}
