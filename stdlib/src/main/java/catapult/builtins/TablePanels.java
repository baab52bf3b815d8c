package catapult.builtins;

import catapult.engine.plot.Band;
import catapult.engine.plot.Panel;
import catapult.engine.plot.Plot;
import catapult.engine.plot.PlotLine;
import catapult.engine.plot.Spread;
import catapult.engine.table.Table;
import catapult.lang.value.Printer;
import java.util.ArrayList;
import java.util.List;

/**
 * A table as figure panels: y columns against an x column (or the row number), one line per
 * value of a {@code by} column; with a {@link Spread}, the rows that share x within a line (the
 * seeds of a sweep) become their mean with a band.
 */
final class TablePanels {
    private final Table t;
    private final String xCol;
    private final String by;
    private final Spread spread;
    private final String prefix;

    TablePanels(Table t, String xCol, String by, Spread spread, String prefix) {
        this.t = t;
        this.xCol = xCol == null ? null : checked(xCol);
        this.by = by == null ? null : checked(by);
        this.spread = spread;
        this.prefix = prefix;
    }

    List<Panel> build(List<List<String>> quantities) {
        List<Panel> panels = new ArrayList<>();
        for (List<String> ys : quantities) {
            panels.add(panel(ys));
        }
        return panels;
    }

    String xLabel() {
        return xCol == null ? "row" : xCol;
    }

    private Panel panel(List<String> ys) {
        List<PlotLine> lines = new ArrayList<>();
        List<Band> bands = new ArrayList<>();
        double[] x = xCol == null ? rowNumbers() : numbers(xCol);
        for (String y : ys) {
            double[] yv = numbers(y);
            for (PlotLine group : groups(x, yv)) {
                String name = name(y, by == null ? "" : group.name(), ys.size() > 1);
                if (spread == null) {
                    lines.add(new PlotLine(name, group.x(), group.y()));
                } else {
                    double[][] mlh = spreadAtEachX(group);
                    lines.add(new PlotLine(name, mlh[0], mlh[1]));
                    bands.add(new Band(name, mlh[0], mlh[2], mlh[3], bands.size()));
                }
            }
        }
        Panel p = Panel.of(ys.size() == 1 ? ys.get(0) : "", lines);
        return new Panel(p.yLabel(), false, lines, p.colours(), bands, List.of());
    }

    /** One series per value of by (sorted by x), or the whole column in row order. */
    private List<PlotLine> groups(double[] x, double[] y) {
        if (by == null) {
            return List.of(new PlotLine("all rows", x, y));
        }
        List<String> keys = t.col(by).stream().map(Printer::show).toList();
        List<PlotLine> out = new ArrayList<>();
        for (PlotLine g : Plot.groupBy(x, y, keys)) {
            out.add(new PlotLine(by + "=" + g.name(), g.x(), g.y()));
        }
        return out;
    }

    private String name(String y, String group, boolean several) {
        String base = group.isEmpty() ? y : several ? y + " " + group : group;
        return prefix.isEmpty() ? base : prefix + " " + base;
    }

    /** {x, mean, lower, upper} over the points of the series that share an x value. */
    private double[][] spreadAtEachX(PlotLine s) {
        return spread.atEachX(List.of(s.x()), List.of(s.y()));
    }

    private double[] numbers(String column) {
        checked(column);
        try {
            return t.numbers(column);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("column '" + column + "' is not numeric");
        }
    }

    private double[] rowNumbers() {
        double[] x = new double[t.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
        }
        return x;
    }

    private String checked(String name) {
        if (!t.columns().contains(name)) {
            throw new IllegalArgumentException("the table has no column '" + name + "'; columns are " + t.columns());
        }
        return name;
    }
}
