package catapult.builtins;

import catapult.engine.plot.LogScale;
import catapult.engine.plot.Panel;
import catapult.engine.plot.Plot;
import catapult.lang.builtins.Args;
import catapult.lang.value.Record;
import catapult.lang.value.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The per-panel options of {@code plot}: {@code log} ("x", "y", "xy" for every panel, or a
 * record naming the panels whose y axis is logarithmic) and {@code hline} (reference values for
 * every panel, or a record of values per panel).
 */
final class PlotScales {
    private PlotScales() {
    }

    static Plot apply(Plot plot, Args a) {
        Plot scaled = log(plot, a);
        return a.isNone("hline") ? scaled : hlines(scaled, a);
    }

    private static Plot log(Plot plot, Args a) {
        if (a.get("log") instanceof String s) {
            return plot.withLog(LogScale.parse(s));
        }
        Map<String, Object> byPanel = ((Record) a.get("log")).asMap();
        List<Panel> panels = new ArrayList<>();
        for (Map.Entry<String, Object> e : byPanel.entrySet()) {
            panelNamed(plot, e.getKey(), "log", a);
            if (!(e.getValue() instanceof String v) || !List.of("y", "", "none").contains(v)) {
                throw a.error("argument 'log' gives panel '" + e.getKey() + "' the scale " + describe(e.getValue())
                        + "; use \"y\" (or \"\" for linear); a log x axis is log: \"x\" for all panels");
            }
        }
        for (Panel p : plot.panels()) {
            panels.add(p.withLogY("y".equals(byPanel.get(p.yLabel()))));
        }
        return plot.withPanels(panels);
    }

    private static Plot hlines(Plot plot, Args a) {
        Object spec = a.get("hline");
        List<Panel> panels = new ArrayList<>();
        if (spec instanceof Record r) {
            r.asMap().keySet().forEach(name -> panelNamed(plot, name, "hline", a));
            for (Panel p : plot.panels()) {
                Object v = r.asMap().get(p.yLabel());
                panels.add(v == null ? p : p.withHlines(values(v, a)));
            }
        } else {
            List<Double> values = values(spec, a);
            plot.panels().forEach(p -> panels.add(p.withHlines(values)));
        }
        return plot.withPanels(panels);
    }

    private static List<Double> values(Object v, Args a) {
        List<Double> out = new ArrayList<>();
        try {
            for (double d : catapult.lang.value.Tensors.array(v).reshape(-1).toDoubleVector()) {
                out.add(d);
            }
        } catch (IllegalArgumentException e) {
            throw a.error("argument 'hline' must be a number, a list of numbers or a record of them by panel, got " + describe(v));
        }
        return out;
    }

    private static void panelNamed(Plot plot, String name, String param, Args a) {
        List<String> names = plot.panels().stream().map(Panel::yLabel).toList();
        if (!names.contains(name)) {
            throw a.error("argument '" + param + "' names the panel '" + name + "', but the panels are " + names);
        }
    }

    private static String describe(Object v) {
        return v instanceof String s ? "\"" + s + "\"" : "a " + Values.typeName(v);
    }
}
