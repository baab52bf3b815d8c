package catapult.engine.plot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays out and draws a {@link Plot} on a {@link Canvas} the way dynamics papers look: panels
 * stacked over one shared x axis (tick labels on the bottom panel only) with their y axes
 * aligned, framed axes with outward ticks and a light grid, 10^k labels on log axes, tick counts
 * chosen from the space available so labels never crowd, translucent bands under their mean
 * lines, dashed reference lines labelled with their value, and a legend placed where it hides
 * the least data.
 */
final class FigurePainter {
    static final Color INK = new Color(38, 38, 38);
    private static final Color FRAME = new Color(64, 64, 64);
    private static final Color GRID = new Color(232, 232, 232);
    private static final Color REFERENCE = new Color(90, 90, 90);
    private static final int TICK_SIZE = 12;
    private static final int LABEL_SIZE = 13;
    private static final int TITLE_SIZE = 15;
    private static final double PAD = 10;
    private static final double TICK = 4;
    private static final double GAP = 3;
    private static final double PANEL_GAP = 12;
    private static final double Y_PAD = 0.05;
    private static final int MARKER_LIMIT = 25;
    private static final float[] DASH = {5f, 4f};

    private final Plot plot;
    private final Canvas c;
    private final int width;
    private final int height;

    private FigurePainter(Plot plot, Canvas c, int width, int height) {
        this.plot = plot;
        this.c = c;
        this.width = width;
        this.height = height;
    }

    static void paint(Plot plot, Canvas canvas, int width, int height) {
        new FigurePainter(plot, canvas, width, height).paint();
    }

    private void paint() {
        List<FigureData> data = FigureData.of(plot);
        int n = data.size();
        double top = PAD + (plot.title().isEmpty() ? 4 : TITLE_SIZE + 10);
        double bottom = PAD + TICK + GAP + lineHeight(TICK_SIZE) + (plot.xLabel().isEmpty() ? 0 : LABEL_SIZE + 8);
        double panelHeight = (height - top - bottom - PANEL_GAP * (n - 1)) / n;
        if (panelHeight < 40) {
            throw new IllegalArgumentException(n + " panels need a taller figure than " + height
                    + " pixels (give height: " + (int) Math.ceil(top + bottom + n * 120 + PANEL_GAP * (n - 1)) + ")");
        }
        List<AxisScale> ys = new ArrayList<>();
        for (FigureData d : data) {
            ys.add(AxisScale.fit(d.yMin(), d.yMax(), d.panel().logY(), Y_PAD, (int) Math.max(2, Math.min(8, panelHeight / 38))));
        }
        boolean anyYLabel = data.stream().anyMatch(d -> !d.panel().yLabel().isEmpty());
        double left = PAD + (anyYLabel ? LABEL_SIZE + 8 : 0) + ys.stream().mapToDouble(a -> a.widestLabel(TICK_SIZE)).max().orElse(0)
                + TICK + GAP;
        AxisScale x = xAxis(data, left);
        double right = Math.max(PAD + 6, x.labels().isEmpty() ? 0 : x.labels().get(x.labels().size() - 1).width(TICK_SIZE) / 2 + 2);
        double plotWidth = width - left - right;
        x.place(left, left + plotWidth);
        c.fillRect(0, 0, width, height, Color.WHITE);
        List<List<LegendBox.Entry>> shown = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double y0 = top + i * (panelHeight + PANEL_GAP);
            AxisScale y = ys.get(i).place(y0 + panelHeight, y0);
            drawPanel(data.get(i), x, y, left, y0, plotWidth, panelHeight, i == n - 1, shown);
        }
        if (!plot.title().isEmpty()) {
            c.text(TickLabel.plain(plot.title()), left + plotWidth / 2, PAD + TITLE_SIZE / 2.0 + 2, TITLE_SIZE, INK, Canvas.Align.MIDDLE, false);
        }
        if (!plot.xLabel().isEmpty()) {
            c.text(TickLabel.plain(plot.xLabel()), left + plotWidth / 2, height - PAD - LABEL_SIZE / 2.0, LABEL_SIZE, INK,
                    Canvas.Align.MIDDLE, false);
        }
    }

    /** The shared x axis, with as many ticks as fit their labels side by side. */
    private AxisScale xAxis(List<FigureData> data, double left) {
        double min = data.stream().mapToDouble(FigureData::xMin).min().orElse(0);
        double max = data.stream().mapToDouble(FigureData::xMax).max().orElse(1);
        double pad = plot.logX() ? 0.02 : 0;
        AxisScale probe = AxisScale.fit(min, max, plot.logX(), pad, 10);
        double plotWidth = width - left - PAD - 6;
        int fit = (int) (plotWidth / (probe.widestLabel(TICK_SIZE) + 32));
        return AxisScale.fit(min, max, plot.logX(), pad, Math.max(2, Math.min(10, fit)));
    }

    private void drawPanel(FigureData d, AxisScale x, AxisScale y, double left, double top, double w, double h, boolean bottom,
                           List<List<LegendBox.Entry>> shown) {
        grid(x, y, left, top, w, h);
        c.clip(left, top, w, h);
        for (Band b : d.panel().bands()) {
            band(b, x, y);
        }
        for (double v : d.panel().hlines()) {
            if (y.contains(v)) {
                c.line(left, y.pixel(v), left + w, y.pixel(v), REFERENCE, 1.1f, DASH);
            }
        }
        List<double[]> px = new ArrayList<>();
        List<double[]> py = new ArrayList<>();
        for (int i = 0; i < d.lines().size(); i++) {
            line(d.lines().get(i), Palette.colour(d.panel().colours().get(i)), x, y, px, py);
        }
        c.unclip();
        for (double v : d.panel().hlines()) {
            if (y.contains(v)) {
                c.text(TickLabel.plain(Ticks.format(v, 4)), left + w - 4, y.pixel(v) - 8, TICK_SIZE - 1, REFERENCE, Canvas.Align.END, false);
            }
        }
        frame(x, y, left, top, w, h, bottom);
        if (!d.panel().yLabel().isEmpty()) {
            c.text(TickLabel.plain(d.panel().yLabel()), PAD + LABEL_SIZE / 2.0, top + h / 2, LABEL_SIZE, INK, Canvas.Align.MIDDLE, true);
        }
        legend(d, left, top, w, h, px, py, shown);
    }

    private void grid(AxisScale x, AxisScale y, double left, double top, double w, double h) {
        for (double t : x.major()) {
            c.line(x.pixel(t), top, x.pixel(t), top + h, GRID, 0.8f, null);
        }
        for (double t : y.major()) {
            c.line(left, y.pixel(t), left + w, y.pixel(t), GRID, 0.8f, null);
        }
    }

    private void frame(AxisScale x, AxisScale y, double left, double top, double w, double h, boolean bottom) {
        c.strokeRect(left, top, w, h, FRAME, 0.9f);
        for (int i = 0; i < y.major().size(); i++) {
            double py = y.pixel(y.major().get(i));
            c.line(left - TICK, py, left, py, FRAME, 0.9f, null);
            c.text(y.labels().get(i), left - TICK - GAP, py, TICK_SIZE, INK, Canvas.Align.END, false);
        }
        for (double t : y.minor()) {
            c.line(left - TICK / 2, y.pixel(t), left, y.pixel(t), FRAME, 0.6f, null);
        }
        for (int i = 0; i < x.major().size(); i++) {
            double px = x.pixel(x.major().get(i));
            c.line(px, top + h, px, top + h + TICK, FRAME, 0.9f, null);
            if (bottom) {
                c.text(x.labels().get(i), px, top + h + TICK + GAP + lineHeight(TICK_SIZE) / 2, TICK_SIZE, INK, Canvas.Align.MIDDLE, false);
            }
        }
        for (double t : x.minor()) {
            c.line(x.pixel(t), top + h, x.pixel(t), top + h + TICK / 2, FRAME, 0.6f, null);
        }
    }

    private void line(PlotLine s, Color colour, AxisScale x, AxisScale y, List<double[]> px, List<double[]> py) {
        double[] xs = new double[s.size()];
        double[] ys = new double[s.size()];
        for (int i = 0; i < s.size(); i++) {
            xs[i] = x.pixel(s.xAt(i));
            ys[i] = y.pixel(s.yAt(i));
        }
        c.polyline(xs, ys, xs.length, colour, 1.7f, null, s.name());
        if (xs.length <= MARKER_LIMIT) {
            for (int i = 0; i < xs.length; i++) {
                c.dot(xs[i], ys[i], 2.6, colour);
            }
        }
        px.add(xs);
        py.add(ys);
    }

    private void band(Band b, AxisScale x, AxisScale y) {
        int n = b.x().length;
        double[] xs = new double[2 * n];
        double[] ys = new double[2 * n];
        double[] bx = b.x();
        double[] lo = b.lo();
        double[] hi = b.hi();
        for (int i = 0; i < n; i++) {
            xs[i] = x.pixel(bx[i]);
            ys[i] = y.pixel(hi[i]);
            xs[2 * n - 1 - i] = xs[i];
            ys[2 * n - 1 - i] = y.pixel(lo[i]);
        }
        c.polygon(xs, ys, 2 * n, LegendBox.translucent(Palette.colour(b.colour())), b.name());
    }

    private void legend(FigureData d, double left, double top, double w, double h, List<double[]> px, List<double[]> py,
                        List<List<LegendBox.Entry>> shown) {
        List<LegendBox.Entry> entries = new ArrayList<>();
        List<String> bandNames = d.panel().bands().stream().map(Band::name).toList();
        for (int i = 0; i < d.lines().size(); i++) {
            String name = d.lines().get(i).name();
            entries.add(new LegendBox.Entry(name, d.panel().colours().get(i), bandNames.contains(name)));
        }
        if (entries.size() < 2 || shown.contains(entries)) {
            return;
        }
        shown.add(entries);
        new LegendBox(entries).draw(c, left, top, w, h, px, py);
    }

    private static double lineHeight(int size) {
        return TickLabel.ascent(size) + TickLabel.descent(size);
    }
}
