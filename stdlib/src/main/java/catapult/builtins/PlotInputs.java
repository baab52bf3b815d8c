package catapult.builtins;

import catapult.engine.plot.Plot;
import catapult.engine.plot.Plottable;
import catapult.engine.plot.PlotLine;
import catapult.engine.table.Table;
import catapult.lang.builtins.Args;
import catapult.lang.value.Printer;
import catapult.lang.value.Record;
import catapult.lang.value.Tensor;
import catapult.lang.value.Tensors;
import catapult.lang.value.Values;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Turns the arguments of {@code plot} into a {@link Plot}: each positional value contributes
 * series by its kind (tensor or list, record of series, table, run, list of runs), and the
 * named arguments pick columns, metrics, groups, labels and axes.
 */
final class PlotInputs {
    private final Args a;
    private final List<PlotLine> series = new ArrayList<>();
    private String xLabel;
    private String yLabel;

    private PlotInputs(Args a) {
        this.a = a;
    }

    static Plot build(Args a) {
        PlotInputs in = new PlotInputs(a);
        if (a.rest().isEmpty()) {
            throw a.error("nothing to plot; pass a tensor, list, record, table or run");
        }
        for (Object item : a.rest()) {
            in.add(item, a.rest().size());
        }
        return Plot.of(in.series).withTitle(a.string("title")).withLog(PlotBuiltins.log(a))
                .withXLabel(a.isNone("xlabel") ? in.xLabel : a.string("xlabel"))
                .withYLabel(a.isNone("ylabel") ? in.yLabel : a.string("ylabel"));
    }

    private void add(Object item, int count) {
        if (item instanceof TableValue t) {
            addTable(t.table());
        } else if (item instanceof Plottable p) {
            addPlottable(p, count > 1 ? "run " + (series.size() + 1) : "");
        } else if (item instanceof List<?> list && !list.isEmpty() && list.stream().allMatch(v -> v instanceof Plottable)) {
            for (int i = 0; i < list.size(); i++) {
                addPlottable((Plottable) list.get(i), "run " + (i + 1));
            }
        } else if (item instanceof Record r) {
            r.asMap().forEach((name, v) -> addVector(name, v));
        } else {
            addVector(count > 1 ? "series " + (series.size() + 1) : "y", item);
        }
    }

    private void addPlottable(Plottable p, String fallbackLabel) {
        List<String> wanted = names("y");
        String label = p.plotLabel().isEmpty() ? fallbackLabel : p.plotLabel();
        int before = series.size();
        for (PlotLine s : p.plotSeries()) {
            if (wanted.isEmpty() || wanted.contains(s.name()) || wanted.stream().anyMatch(w -> s.name().startsWith(w + "["))) {
                series.add(label.isEmpty() ? s : new PlotLine(label + " " + s.name(), s.x(), s.y()));
            }
        }
        if (series.size() == before) {
            throw a.error("the run has no metric " + wanted + "; it has "
                    + p.plotSeries().stream().map(PlotLine::name).toList());
        }
        xLabel = xLabel == null ? p.plotXLabel() : xLabel;
    }

    private void addTable(Table t) {
        List<String> ys = names("y");
        if (ys.isEmpty()) {
            throw a.error("a table needs y: the column(s) to plot, one of " + t.columns());
        }
        String xCol = a.get("x") instanceof String s ? s : null;
        double[] x = xCol == null ? indices(t.size()) : column(t, xCol);
        for (String y : ys) {
            double[] yv = column(t, y);
            if (a.isNone("by")) {
                series.add(new PlotLine(y, x, yv));
            } else {
                List<String> keys = t.col(checked(t, a.string("by"))).stream().map(Printer::show).toList();
                for (PlotLine s : Plot.groupBy(x, yv, keys)) {
                    String name = a.string("by") + "=" + s.name();
                    series.add(new PlotLine(ys.size() > 1 ? y + " " + name : name, s.x(), s.y()));
                }
            }
        }
        xLabel = xLabel == null ? (xCol == null ? "row" : xCol) : xLabel;
        yLabel = yLabel == null && ys.size() == 1 ? ys.get(0) : yLabel;
    }

    private double[] column(Table t, String name) {
        checked(t, name);
        try {
            return t.numbers(name);
        } catch (RuntimeException e) {
            throw a.error("column '" + name + "' is not numeric");
        }
    }

    private String checked(Table t, String name) {
        if (!t.columns().contains(name)) {
            throw a.error("the table has no column '" + name + "'; columns are " + t.columns());
        }
        return name;
    }

    /** A tensor (vector, or matrix whose columns are series) or a list of numbers, against x: or the index. */
    private void addVector(String name, Object v) {
        INDArray arr;
        try {
            arr = Tensors.array(v);
        } catch (IllegalArgumentException e) {
            throw a.error("cannot plot " + Values.typeName(v) + " '" + name + "'; expected a tensor, list, record, table or run");
        }
        if (arr.rank() > 2) {
            throw a.error("'" + name + "' has rank " + arr.rank() + "; give a vector or a matrix (columns are series)");
        }
        INDArray m = arr.rank() == 2 ? arr : arr.reshape(arr.length(), 1);
        double[] x = xValues(m.rows(), name);
        for (int j = 0; j < m.columns(); j++) {
            double[] y = m.getColumn(j).toDoubleVector();
            series.add(new PlotLine(m.columns() == 1 ? name : name + "[" + j + "]", x, y));
        }
    }

    private double[] xValues(int n, String name) {
        Object x = a.get("x");
        if (x == null || x instanceof String) {
            return indices(n);
        }
        double[] xs = Tensors.array(x).reshape(-1).toDoubleVector();
        if (xs.length != n) {
            throw a.error("x has " + xs.length + " values but '" + name + "' has " + n);
        }
        return xs;
    }

    private List<String> names(String param) {
        Object v = a.get(param);
        if (v == null) {
            return List.of();
        }
        if (v instanceof String s) {
            return List.of(s);
        }
        List<String> out = new ArrayList<>();
        for (Object o : (List<?>) v) {
            if (!(o instanceof String s)) {
                throw a.error("argument '" + param + "' must be a name or a list of names");
            }
            out.add(s);
        }
        return out;
    }

    private static double[] indices(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
        }
        return x;
    }

}
