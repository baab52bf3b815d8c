package catapult.builtins;

import catapult.engine.plot.Band;
import catapult.engine.plot.Panel;
import catapult.engine.plot.PlotLine;
import catapult.engine.plot.Plottable;
import catapult.engine.plot.Spread;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Training runs as figure panels, the way dynamics papers draw them: one panel per quantity
 * (loss, ntk_eigs, ...) over the shared step axis, one line per run in the same colour in every
 * panel, or, for a group of runs (seeds), their mean with a band of the given {@link Spread}.
 */
final class RunPanels {

    /** Runs drawn under one name: one line, or with a spread, a mean and a band. */
    record Group(String name, List<Plottable> runs) {
    }

    private RunPanels() {
    }

    /** The quantities drawn when the call names none: every tracked series, lr only when it changes. */
    static List<List<String>> defaultQuantities(List<Group> groups) {
        Set<String> names = new LinkedHashSet<>();
        for (Group g : groups) {
            for (Plottable run : g.runs()) {
                for (PlotLine s : run.plotSeries()) {
                    String metric = metricOf(s.name());
                    if (!metric.equals("lr") || varies(s)) {
                        names.add(metric);
                    }
                }
            }
        }
        return names.stream().map(List::of).toList();
    }

    private static boolean varies(PlotLine s) {
        double[] y = s.y();
        for (double v : y) {
            if (Double.compare(v, y[0]) != 0) {
                return true;
            }
        }
        return false;
    }

    static String metricOf(String seriesName) {
        int bracket = seriesName.indexOf('[');
        return bracket < 0 ? seriesName : seriesName.substring(0, bracket);
    }

    /**
     * One panel per entry of {@code quantities} (each a list of metric names drawn together);
     * {@code spread} null draws every run of a group as it is (groups of one run).
     */
    static List<Panel> build(List<Group> groups, List<List<String>> quantities, Spread spread, boolean named) {
        List<Panel> panels = new ArrayList<>();
        for (List<String> metrics : quantities) {
            panels.add(panel(groups, metrics, spread, named));
        }
        return panels;
    }

    private static Panel panel(List<Group> groups, List<String> metrics, Spread spread, boolean named) {
        List<PlotLine> lines = new ArrayList<>();
        List<Integer> groupOf = new ArrayList<>();
        List<Band> bands = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            for (String metric : metrics) {
                List<String> columns = columns(groups.get(g), metric);
                for (String column : columns) {
                    String name = lineName(named ? groups.get(g).name() : "", column, metrics.size() > 1 || columns.size() > 1);
                    if (spread == null) {
                        lines.add(rename(series(groups.get(g).runs().get(0), column), name));
                    } else {
                        double[][] mlh = spreadOver(groups.get(g).runs(), column, spread);
                        lines.add(new PlotLine(name, mlh[0], mlh[1]));
                        bands.add(new Band(name, mlh[0], mlh[2], mlh[3], 0));
                    }
                    groupOf.add(g);
                }
            }
        }
        List<Integer> colours = colours(groupOf, groups.size());
        List<Band> coloured = new ArrayList<>();
        for (int i = 0; i < bands.size(); i++) {
            Band b = bands.get(i);
            coloured.add(new Band(b.name(), b.x(), b.lo(), b.hi(), colours.get(i)));
        }
        return new Panel(metrics.size() == 1 ? metrics.get(0) : "", false, lines, colours, coloured, List.of());
    }

    /** A run keeps one colour across panels when each draws one line per run; else lines count up. */
    private static List<Integer> colours(List<Integer> groupOf, int groups) {
        boolean oneLinePerGroup = groupOf.size() == groups && groups > 1;
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < groupOf.size(); i++) {
            out.add(oneLinePerGroup ? groupOf.get(i) : i);
        }
        return out;
    }

    private static String lineName(String group, String column, boolean showColumn) {
        if (group.isEmpty()) {
            return column;
        }
        return showColumn ? group + " " + column : group;
    }

    /** The series names of a metric in the group's first run: "loss", or "ntk_eigs[0]", "ntk_eigs[1]". */
    private static List<String> columns(Group g, String metric) {
        List<String> out = new ArrayList<>();
        for (PlotLine s : g.runs().get(0).plotSeries()) {
            if (metricOf(s.name()).equals(metric)) {
                out.add(s.name());
            }
        }
        if (out.isEmpty()) {
            List<String> known = new ArrayList<>(new LinkedHashSet<>(g.runs().get(0).plotSeries().stream()
                    .map(s -> metricOf(s.name())).toList()));
            throw new IllegalArgumentException("plot: the run has no metric [" + metric + "]; it has " + known);
        }
        return out;
    }

    private static PlotLine series(Plottable run, String column) {
        for (PlotLine s : run.plotSeries()) {
            if (s.name().equals(column)) {
                return s;
            }
        }
        throw new IllegalArgumentException("plot: a run of the group has no series '" + column + "'");
    }

    private static PlotLine rename(PlotLine s, String name) {
        return new PlotLine(name, s.x(), s.y());
    }

    /** {x, mean, lower, upper} over the runs at every step any of them measured. */
    private static double[][] spreadOver(List<Plottable> runs, String column, Spread spread) {
        List<double[]> xs = new ArrayList<>();
        List<double[]> ys = new ArrayList<>();
        for (Plottable run : runs) {
            PlotLine s = series(run, column);
            xs.add(s.x());
            ys.add(s.y());
        }
        return spread.atEachX(xs, ys);
    }
}
