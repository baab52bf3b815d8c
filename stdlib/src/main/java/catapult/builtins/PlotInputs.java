package catapult.builtins;

import catapult.engine.plot.LogScale;
import catapult.engine.plot.Panel;
import catapult.engine.plot.Plot;
import catapult.engine.plot.PlotLine;
import catapult.engine.plot.Plottable;
import catapult.engine.plot.Spread;
import catapult.lang.builtins.Args;
import catapult.lang.value.Record;
import catapult.lang.value.Tensors;
import catapult.lang.value.Values;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Turns the arguments of {@code plot} into a {@link Plot}. The positional values decide the
 * kind of figure: runs (alone, in lists, or named in a record; lists over seeds with band:),
 * tables (columns against a column), or plain series (tensors, lists, records of them). The
 * named arguments pick quantities and panels, names, scales, reference lines and labels.
 */
final class PlotInputs {
    private final Args a;

    private PlotInputs(Args a) {
        this.a = a;
    }

    static Plot build(Args a) {
        if (a.rest().isEmpty()) {
            throw a.error("nothing to plot; pass a tensor, list, record, table or run");
        }
        return new PlotInputs(a).plot();
    }

    private Plot plot() {
        List<Object> items = a.rest();
        List<String> names = names("names");
        Plot plot;
        if (items.stream().allMatch(PlotInputs::isRunLike)) {
            plot = runs(items, names);
        } else if (items.stream().allMatch(v -> v instanceof TableValue)) {
            plot = tables(items, names);
        } else if (items.stream().anyMatch(v -> isRunLike(v) || v instanceof TableValue)) {
            throw a.error("plot runs, tables or series in one call, not a mix of them");
        } else {
            plot = series(items, names);
        }
        plot = plot.withTitle(a.string("title"));
        if (!a.isNone("xlabel")) {
            plot = plot.withXLabel(a.string("xlabel"));
        }
        if (!a.isNone("ylabel")) {
            plot = plot.withYLabel(a.string("ylabel"));
        }
        return PlotScales.apply(plot, a);
    }

    private static boolean isRunLike(Object v) {
        if (v instanceof Plottable) {
            return true;
        }
        if (v instanceof List<?> l) {
            return !l.isEmpty() && l.stream().allMatch(PlotInputs::isRunLike);
        }
        return v instanceof Record r && !r.asMap().isEmpty() && r.asMap().values().stream().allMatch(PlotInputs::isRunLike);
    }

    // ---- runs ----

    private Plot runs(List<Object> items, List<String> names) {
        Spread spread = a.isNone("band") ? null : Spread.parse(a.string("band"));
        List<?> labelled = items.size() == 1 && items.get(0) instanceof List<?> l && spread == null && !names.isEmpty() ? l : items;
        checkNames(names, labelled.size());
        List<RunPanels.Group> groups = new ArrayList<>();
        for (int i = 0; i < labelled.size(); i++) {
            addGroups(groups, labelled.get(i), names.isEmpty() ? null : names.get(i), spread != null);
        }
        boolean named = groups.size() > 1 || groups.stream().anyMatch(g -> !g.name().isEmpty());
        for (int i = 0; i < groups.size(); i++) {
            if (groups.get(i).name().isEmpty() && named) {
                groups.set(i, new RunPanels.Group((spread == null ? "run " : "group ") + (i + 1), groups.get(i).runs()));
            }
        }
        List<Panel> panels = RunPanels.build(groups, quantities(RunPanels.defaultQuantities(groups)), spread, named);
        return Plot.of(panels, groups.get(0).runs().get(0).plotXLabel());
    }

    private void checkNames(List<String> names, int count) {
        if (!names.isEmpty() && names.size() != count) {
            throw a.error("names: gives " + names.size() + " name" + (names.size() == 1 ? "" : "s") + " for " + count
                    + " thing" + (count == 1 ? "" : "s") + " to plot");
        }
    }

    /** A run, a list of runs (one group with a band, else one group each) or a record of them (keys name them). */
    private void addGroups(List<RunPanels.Group> groups, Object item, String name, boolean banded) {
        if (item instanceof Plottable p) {
            groups.add(new RunPanels.Group(name != null ? name : p.plotLabel(), List.of(p)));
        } else if (item instanceof List<?> list && banded && list.stream().allMatch(v -> v instanceof Plottable)) {
            groups.add(new RunPanels.Group(name != null ? name : "", list.stream().map(v -> (Plottable) v).toList()));
        } else if (item instanceof List<?> list) {
            for (Object v : list) {
                addGroups(groups, v, null, banded);
            }
        } else {
            ((Record) item).asMap().forEach((key, v) -> addGroups(groups, v, name == null ? key : name + " " + key, banded));
        }
    }

    // ---- tables ----

    private Plot tables(List<Object> items, List<String> names) {
        checkNames(names, items.size());
        if (a.isNone("y") && a.isNone("panels")) {
            throw a.error("a table needs y: the column(s) to plot, one of " + ((TableValue) items.get(0)).table().columns());
        }
        String xCol = a.get("x") instanceof String s ? s : null;
        Spread spread = a.isNone("band") ? null : Spread.parse(a.string("band"));
        List<List<String>> quantities = quantities(List.of());
        List<Panel> panels = null;
        String xLabel = null;
        for (int i = 0; i < items.size(); i++) {
            TablePanels t = new TablePanels(((TableValue) items.get(i)).table(), xCol, a.isNone("by") ? null : a.string("by"),
                    spread, names.isEmpty() ? "" : names.get(i));
            panels = panels == null ? t.build(quantities) : merge(panels, t.build(quantities));
            xLabel = t.xLabel();
        }
        return Plot.of(panels, xLabel);
    }

    private static List<Panel> merge(List<Panel> into, List<Panel> more) {
        List<Panel> out = new ArrayList<>();
        for (int i = 0; i < into.size(); i++) {
            List<PlotLine> lines = new ArrayList<>(into.get(i).lines());
            lines.addAll(more.get(i).lines());
            out.add(Panel.of(into.get(i).yLabel(), lines));
        }
        return out;
    }

    // ---- plain series ----

    private Plot series(List<Object> items, List<String> names) {
        if (!a.isNone("panels") || !a.isNone("band")) {
            throw a.error((a.isNone("panels") ? "band:" : "panels:") + " works with runs and tables; give runs or a table");
        }
        checkNames(names, items.size());
        List<PlotLine> lines = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Object item = items.get(i);
            String name = !names.isEmpty() ? names.get(i) : items.size() > 1 ? "series " + (i + 1) : "y";
            if (item instanceof Record r && names.isEmpty()) {
                r.asMap().forEach((key, v) -> addVector(lines, key, v));
            } else {
                addVector(lines, name, item);
            }
        }
        return Plot.of(lines);
    }

    /** A tensor (vector, or matrix whose columns are series) or a list of numbers, against x: or the index. */
    private void addVector(List<PlotLine> lines, String name, Object v) {
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
            lines.add(new PlotLine(m.columns() == 1 ? name : name + "[" + j + "]", x, m.getColumn(j).toDoubleVector()));
        }
    }

    private double[] xValues(int n, String name) {
        Object x = a.get("x");
        if (x == null || x instanceof String) {
            double[] idx = new double[n];
            for (int i = 0; i < n; i++) {
                idx[i] = i;
            }
            return idx;
        }
        double[] xs = Tensors.array(x).reshape(-1).toDoubleVector();
        if (xs.length != n) {
            throw a.error("x has " + xs.length + " values but '" + name + "' has " + n);
        }
        return xs;
    }

    // ---- arguments ----

    /** panels: one panel per name; y: one panel holding them all; else the given default. */
    private List<List<String>> quantities(List<List<String>> fallback) {
        if (!a.isNone("panels") && !a.isNone("y")) {
            throw a.error("give y: (quantities in one panel) or panels: (one panel each), not both");
        }
        if (!a.isNone("panels")) {
            return names("panels").stream().map(List::of).toList();
        }
        return a.isNone("y") ? fallback : List.of(names("y"));
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
}
