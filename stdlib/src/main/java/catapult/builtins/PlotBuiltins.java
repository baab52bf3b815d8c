package catapult.builtins;

import catapult.engine.plot.ChartFiles;
import catapult.engine.plot.LogScale;
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

/** {@code plot}: figures to PNG/SVG files and, in a terminal, as a text chart (LANGUAGE.md section 9). */
public final class PlotBuiltins implements BuiltinProvider {

    @Override
    public void register(BuiltinRegistry r) {
        r.register(Builtin.define("plot").category("output")
                .summary("Plots series, tables (one line per group with by:) or runs (loss and tracked metrics vs step);"
                        + " writes PNG or SVG by the file's extension and, in a terminal, draws a text chart.")
                .variadic("data", Type.ANY, "tensors or lists (one series each, against index or x:), records of"
                        + " series, tables (with y:), runs or lists of runs")
                .optional("x", Type.ANY, null, "x values (tensor or list) for series; a column name for tables")
                .optional("y", Type.STRING.or(Type.LIST).orNone(), null, "column name(s) of a table; metric name(s) of a run")
                .optional("by", Type.STRING.orNone(), null, "table column whose values split rows into series")
                .optional("log", Type.oneOf("", "x", "y", "xy"), "", "log-scaled axes: \"x\", \"y\" or \"xy\"")
                .optional("title", Type.STRING, "", "figure title")
                .optional("xlabel", Type.STRING.orNone(), null, "x-axis label (default: the x column, or step)")
                .optional("ylabel", Type.STRING.orNone(), null, "y-axis label (default: the y column)")
                .optional("file", Type.STRING.orNone(), null, "where to save: a .png or .svg path")
                .optional("width", Type.POSITIVE_INT, 800, "image width in pixels")
                .optional("height", Type.POSITIVE_INT, 500, "image height in pixels")
                .returns("a plot value: fields series, title, file; p.save(path) writes it again")
                .example("plot(run, y: [\"loss\", \"test_loss\"], log: \"y\", file: \"loss.png\")\n"
                        + "plot(sweep_table, x: \"lr\", y: \"final_loss\", by: \"model\", log: \"xy\", file: \"lr.svg\")")
                .impl(PlotBuiltins::plot));
    }

    private static Object plot(Args a) {
        Plot plot = PlotInputs.build(a);
        Path file = null;
        if (!a.isNone("file")) {
            file = ChartFiles.write(plot, UserFiles.writable(a.interp(), Path.of(a.string("file")), a.site()), a.integer("width"), a.integer("height"));
        }
        drawInTerminal(a.interp(), plot);
        return new PlotValue(plot, file);
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

    static LogScale log(Args a) {
        return LogScale.parse(a.string("log"));
    }
}
