package catapult.engine.plot;

import java.util.ArrayList;
import java.util.List;

/**
 * Draws a {@link Plot} as Unicode text for a terminal, so a REPL user sees the shape of a curve
 * without opening the saved file: braille dots (2 x 4 per character) coloured per series, or,
 * without colour and with several series, one marker glyph per series. Y ticks on the left,
 * x ticks below, the title above and a legend underneath.
 */
public final class TextChart {
    public static final int MIN_WIDTH = 20;
    public static final int MIN_PLOT_ROWS = 3;
    private static final int LEGEND_GAP = 3;

    private final int width;
    private final int height;
    private final boolean colour;

    /**
     * @param width  total columns of every line of the chart
     * @param height total lines of the chart, title, axes, labels and legend included
     * @param colour whether to emit ANSI colour escapes (only for a terminal that shows them)
     */
    public TextChart(int width, int height, boolean colour) {
        if (width < MIN_WIDTH) {
            throw new IllegalArgumentException("text chart: width must be at least " + MIN_WIDTH + " columns, got " + width);
        }
        this.width = width;
        this.height = height;
        this.colour = colour;
    }

    /** The chart; a plot of several panels is drawn as one chart per panel, stacked, when the height allows. */
    public String render(Plot plot) {
        int n = plot.panels().size();
        if (n == 1) {
            return renderPanel(plot);
        }
        TextChart each = new TextChart(width, height / n, colour);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            try {
                out.append(each.renderPanel(plot.panel(i)));
            } catch (IllegalArgumentException tooSmall) {
                return out.length() > 0 ? out.toString() : renderPanel(plot.panel(0));
            }
        }
        return out.toString();
    }

    private String renderPanel(Plot plot) {
        List<DrawableSeries> series = DrawableSeries.of(plot);
        List<String> legend = legend(series);
        int fixed = (plot.title().isEmpty() ? 0 : 1) + (plot.yLabel().isEmpty() ? 0 : 1)
                + 2 + (plot.xLabel().isEmpty() ? 0 : 1) + legend.size();
        int rows = height - fixed;
        if (rows < MIN_PLOT_ROWS) {
            throw new IllegalArgumentException("text chart: height " + height + " leaves fewer than "
                    + MIN_PLOT_ROWS + " rows to plot in (need at least " + (fixed + MIN_PLOT_ROWS) + ")");
        }
        Axes axes = Axes.fit(series, plot.log(), rows);
        int margin = axes.yLabelWidth() + 2;
        boolean braille = colour || series.size() == 1;
        DotCanvas canvas = new DotCanvas(width - margin, rows, braille);
        draw(canvas, series, axes);
        List<String> out = new ArrayList<>();
        if (!plot.title().isEmpty()) {
            out.add(centre(plot.title(), margin, width));
        }
        if (!plot.yLabel().isEmpty()) {
            out.add(clip(plot.yLabel(), width));
        }
        out.addAll(body(canvas, axes, rows, margin));
        out.addAll(xAxis(axes, canvas, margin));
        if (!plot.xLabel().isEmpty()) {
            out.add(centre(plot.xLabel(), margin, width));
        }
        out.addAll(legend);
        return String.join("\n", out) + "\n";
    }

    private static void draw(DotCanvas canvas, List<DrawableSeries> series, Axes axes) {
        int w = canvas.dotsWide();
        int h = canvas.dotsHigh();
        for (int s = 0; s < series.size(); s++) {
            DrawableSeries d = series.get(s);
            int px = -1;
            int py = -1;
            for (int i = 0; i < d.x().length; i++) {
                int x = (int) Math.round(axes.xFraction(d.x()[i]) * (w - 1));
                int y = (int) Math.round((1 - axes.yFraction(d.y()[i])) * (h - 1));
                if (i == 0) {
                    canvas.dot(x, y, s);
                } else {
                    canvas.line(px, py, x, y, s);
                }
                px = x;
                py = y;
            }
        }
    }

    private List<String> body(DotCanvas canvas, Axes axes, int rows, int margin) {
        String[] labels = new String[rows];
        for (double t : axes.yTicks()) {
            int row = (int) Math.round((1 - axes.yFraction(t)) * (canvas.dotsHigh() - 1)) / (canvas.dotsHigh() / rows);
            if (row >= 0 && row < rows && labels[row] == null) {
                labels[row] = Ticks.format(t);
            }
        }
        List<String> out = new ArrayList<>(rows);
        for (int r = 0; r < rows; r++) {
            String label = labels[r] == null ? "" : labels[r];
            out.add(pad(label, margin - 2) + " " + (labels[r] == null ? '│' : '┤') + canvas.row(r, colour));
        }
        return out;
    }

    private List<String> xAxis(Axes axes, DotCanvas canvas, int margin) {
        int cols = width - margin;
        char[] line = new char[cols];
        java.util.Arrays.fill(line, '─');
        char[] labels = new char[width];
        java.util.Arrays.fill(labels, ' ');
        int free = 0;
        int dotsPerCol = canvas.dotsWide() / cols;
        for (double t : axes.xTicks()) {
            int col = (int) Math.round(axes.xFraction(t) * (canvas.dotsWide() - 1)) / dotsPerCol;
            String text = Ticks.format(t);
            int start = Math.min(Math.max(margin + col - text.length() / 2, free), width - text.length());
            if (col < 0 || col >= cols || start < free || start > margin + col) {
                continue;
            }
            line[col] = '┬';
            text.getChars(0, text.length(), labels, start);
            free = start + text.length() + 1;
        }
        return List.of(" ".repeat(margin - 1) + "└" + new String(line), new String(labels).stripTrailing());
    }

    private List<String> legend(List<DrawableSeries> series) {
        List<String> lines = new ArrayList<>();
        if (series.size() < 2) {
            return lines;
        }
        StringBuilder line = new StringBuilder();
        int visible = 0;
        for (int s = 0; s < series.size(); s++) {
            String name = series.get(s).name() + (series.get(s).isEmpty() ? " (no points)" : "");
            String key = colour || series.size() == 1 ? "━━" : String.valueOf(DotCanvas.MARKERS.charAt(s % DotCanvas.MARKERS.length()));
            int len = key.length() + 1 + name.length();
            if (visible > 0 && visible + LEGEND_GAP + len > width) {
                lines.add(line.toString());
                line.setLength(0);
                visible = 0;
            }
            if (visible > 0) {
                line.append(" ".repeat(LEGEND_GAP));
                visible += LEGEND_GAP;
            }
            line.append(colour ? Palette.ansi(s) + key + Palette.ANSI_RESET : key).append(' ').append(clip(name, width - key.length() - 1));
            visible += Math.min(len, width);
        }
        lines.add(line.toString());
        return lines;
    }

    private static String pad(String s, int n) {
        return s.length() >= n ? s : " ".repeat(n - s.length()) + s;
    }

    private static String clip(String s, int n) {
        return s.length() <= n ? s : s.substring(0, Math.max(0, n - 1)) + "…";
    }

    private static String centre(String s, int margin, int width) {
        String c = clip(s, width);
        int start = Math.max(0, Math.min(margin + (width - margin - c.length()) / 2, width - c.length()));
        return " ".repeat(start) + c;
    }
}
