package catapult.builtins;

import catapult.engine.plot.ChartFiles;
import catapult.engine.plot.Plot;
import catapult.engine.plot.TextChart;
import catapult.lang.builtins.Args;
import catapult.lang.builtins.Builtin;
import catapult.lang.builtins.BuiltinProvider;
import catapult.lang.builtins.BuiltinRegistry;
import catapult.lang.builtins.Type;
import catapult.lang.errors.RuntimeError;
import catapult.lang.eval.Interpreter;
import catapult.lang.syntax.Span;
import java.nio.file.Path;

/** {@code plot}: figures to PNG/SVG files and, in a terminal, as a text chart (docs/plots.md). */
public final class PlotBuiltins implements BuiltinProvider {

    @Override
    public void register(BuiltinRegistry r) {
        r.describeCategory("output", "figures, and saving and loading values");
        r.register(Builtin.define("plot").category("output")
                .summary("Plots runs (one panel per quantity against step, one line per run, or mean and band over seeds),"
                        + " tables (columns against a column, one line per group with by:) or series; writes PNG or SVG by the"
                        + " file's extension and, in a terminal, draws a text chart.")
                .variadic("data", Type.ANY, "runs, lists of runs, records of runs (keys name them), tables, or tensors/lists/records"
                        + " of series")
                .optional("x", Type.ANY, null, "x values (tensor or list) for series; a column name for tables")
                .optional("y", Type.STRING.or(Type.LIST).orNone(), null, "quantities drawn in one panel: metric name(s) of runs,"
                        + " column name(s) of a table")
                .optional("panels", Type.STRING.or(Type.LIST).orNone(), null, "one panel per name (metrics of runs, columns of a"
                        + " table), stacked over a shared x axis; runs default to one panel per tracked quantity")
                .optional("names", Type.LIST.orNone(), null, "legend names of the positional values (or of the runs in one list)")
                .optional("by", Type.STRING.orNone(), null, "table column whose values split rows into lines")
                .optional("band", Type.oneOf("std", "sem", "minmax").orNone(), null, "draw the mean with a band: over the runs of a"
                        + " list (seeds), or over the table rows sharing x in a line; \"std\" mean +- standard deviation, \"sem\""
                        + " +- standard error, \"minmax\" the envelope")
                .optional("hline", Type.TENSOR.or(Type.RECORD).orNone(), null, "horizontal reference lines: a value or list for every"
                        + " panel, or a record by panel name, e.g. {ntk_eigs: 2 / lr}")
                .optional("log", Type.oneOf("", "x", "y", "xy").or(Type.RECORD), "", "log-scaled axes: \"x\", \"y\" or \"xy\"; or a"
                        + " record naming panels with a log y axis, e.g. {loss: \"y\"}; powers of ten label the ticks")
                .optional("title", Type.STRING, "", "figure title")
                .optional("xlabel", Type.STRING.orNone(), null, "x-axis label (default: the x column, or step)")
                .optional("ylabel", Type.STRING.orNone(), null, "y-axis label (default: the quantity or column)")
                .optional("file", Type.STRING.orNone(), null, "where to save: a .png or .svg path")
                .optional("width", Type.POSITIVE_INT, 800, "image width in pixels")
                .optional("height", Type.POSITIVE_INT.orNone(), null, "image height in pixels (default 500, and 220 more per"
                        + " extra panel)")
                .returns("a plot value: fields series, panels, title, file; p.save(path) writes it again")
                .example("plot({\"0.5x\": slow, \"1.5x\": fast}, panels: [\"loss\", \"ntk_eigs\"], log: {loss: \"y\"},"
                        + " hline: {ntk_eigs: 2 / lr}, file: \"catapult.png\")\n"
                        + "plot(sweep_table, x: \"lr\", y: \"final_loss\", by: \"model\", band: \"std\", log: \"xy\", file: \"lr.svg\")")
                .reference("docs/plots.md")
                .impl(PlotBuiltins::plot));
    }

    private static Object plot(Args a) {
        Plot plot = PlotInputs.build(a);
        Path file = null;
        int height = a.isNone("height") ? defaultHeight(plot) : a.integer("height");
        if (!a.isNone("file")) {
            file = ChartFiles.write(plot, UserFiles.writable(a.interp(), Path.of(a.string("file")), a.site()), a.integer("width"), height);
        }
        drawInTerminal(a.interp(), plot);
        return new PlotValue(plot, file, a.integer("width"), height);
    }

    /** 500 pixels for one panel, 220 more for each further panel. */
    static int defaultHeight(Plot plot) {
        return ChartFiles.DEFAULT_HEIGHT + 220 * (plot.panels().size() - 1);
    }

    private static void drawInTerminal(Interpreter interp, Plot plot) {
        TerminalHost.of(interp.session()).filter(TerminalHost::drawsCharts).ifPresent(t -> {
            String chart;
            try {
                chart = new TextChart(t.chartWidth(), t.chartHeight(), t.colour()).render(plot);
            } catch (IllegalArgumentException tooSmall) {
                if (!String.valueOf(tooSmall.getMessage()).startsWith("text chart:")) {
                    throw tooSmall;
                }
                return; // the terminal is too small for a chart; the file (if any) is what matters
            }
            interp.out().print(chart);
            interp.out().flush();
        });
    }

}
