package catapult.builtins;

import catapult.engine.plot.ChartFiles;
import catapult.engine.plot.Plot;
import catapult.engine.plot.PlotLine;
import catapult.lang.errors.RuntimeError;
import catapult.lang.value.CatValue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The value {@code plot(...)} returns: the figure's spec and the file it was saved to, so a
 * REPL user can save it again in another format ({@code p.save("fig.svg")}).
 */
public final class PlotValue implements CatValue {
    private final Plot plot;
    private final Path file;
    private final int width;
    private final int height;

    public PlotValue(Plot plot, Path file, int width, int height) {
        this.plot = plot;
        this.file = file;
        this.width = width;
        this.height = height;
    }

    public Plot plot() {
        return plot;
    }

    @Override
    public String typeName() {
        return "plot";
    }

    @Override
    public String show() {
        String names = plot.series().stream().map(PlotLine::name).collect(Collectors.joining(", "));
        int n = plot.series().size();
        return "<plot " + (plot.title().isEmpty() ? "" : "\"" + plot.title() + "\" ") + n + " series (" + names + ")"
                + (file == null ? "" : " saved to " + file) + ">";
    }

    @Override
    public List<String> fieldNames() {
        return List.of("series", "panels", "title", "file", "save");
    }

    @Override
    public Object field(String name) {
        return switch (name) {
            case "series" -> List.copyOf(new ArrayList<Object>(plot.series().stream().map(PlotLine::name).toList()));
            case "panels" -> List.copyOf(new ArrayList<Object>(plot.panels().stream().map(p -> p.yLabel()).toList()));
            case "title" -> plot.title();
            case "file" -> file == null ? null : file.toString();
            case "save" -> TableValue.method("save", (interp, args, site) -> {
                if (args.size() != 1 || !(args.get(0) instanceof String path)) {
                    throw new RuntimeError("save: expects a file name ending in .png or .svg", site);
                }
                return ChartFiles.write(plot, UserFiles.writable(interp, Path.of(path), site), width, height).toString();
            });
            default -> NO_FIELD;
        };
    }
}
