package catapult.engine.plot;

import java.util.ArrayList;
import java.util.List;

/**
 * One set of axes of a figure: its lines (each with a palette colour, so a run keeps its colour
 * in every panel), shaded bands, horizontal reference lines, y label and y scale. Panels of a
 * {@link Plot} are stacked and share the x axis, as dynamics papers draw loss and eigenvalues.
 */
public record Panel(String yLabel, boolean logY, List<PlotLine> lines, List<Integer> colours, List<Band> bands,
                    List<Double> hlines) {

    public Panel {
        yLabel = yLabel == null ? "" : yLabel;
        lines = List.copyOf(lines);
        colours = List.copyOf(colours);
        bands = List.copyOf(bands);
        hlines = List.copyOf(hlines);
        if (colours.size() != lines.size()) {
            throw new IllegalArgumentException(lines.size() + " lines but " + colours.size() + " colours");
        }
    }

    /** Lines coloured 0, 1, 2, ... in order, with no bands or reference lines. */
    public static Panel of(String yLabel, List<PlotLine> lines) {
        List<Integer> colours = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            colours.add(i);
        }
        return new Panel(yLabel, false, lines, colours, List.of(), List.of());
    }

    public Panel withYLabel(String label) {
        return new Panel(label, logY, lines, colours, bands, hlines);
    }

    public Panel withLogY(boolean log) {
        return new Panel(yLabel, log, lines, colours, bands, hlines);
    }

    public Panel withLines(List<PlotLine> newLines) {
        return new Panel(yLabel, logY, newLines, colours, bands, hlines);
    }

    public Panel withHlines(List<Double> values) {
        return new Panel(yLabel, logY, lines, colours, bands, values);
    }

    public boolean isEmpty() {
        return lines.isEmpty() && bands.isEmpty();
    }
}
