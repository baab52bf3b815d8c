package catapult.engine.plot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/**
 * A panel's legend: one row per entry (a line sample, a band swatch behind it when the entry has
 * a band, and the name), placed inside the axes in the corner that hides the fewest data points,
 * as matplotlib's loc="best" does.
 */
final class LegendBox {
    static final int SIZE = 12;
    private static final double PAD = 6;
    private static final double SAMPLE = 22;
    private static final double ROW = 18;
    private static final double INSET = 8;

    /** One legend row. */
    record Entry(String name, int colour, boolean band) {
    }

    private final List<Entry> entries;
    private final double width;
    private final double height;

    LegendBox(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        double text = entries.stream().mapToDouble(e -> TickLabel.textWidth(e.name(), SIZE)).max().orElse(0);
        this.width = PAD + SAMPLE + 6 + text + PAD;
        this.height = PAD + ROW * entries.size() + PAD - 4;
    }

    List<Entry> entries() {
        return entries;
    }

    /**
     * Draws the legend inside the rectangle (x, y, w, h) at the candidate position covering the
     * fewest of {@code points} (pixel coordinates, pairs in xs/ys); nothing if it does not fit.
     */
    void draw(Canvas c, double x, double y, double w, double h, List<double[]> xs, List<double[]> ys) {
        if (width > w - 2 * INSET || height > h - 2 * INSET) {
            return;
        }
        double[] best = null;
        long bestCount = Long.MAX_VALUE;
        for (double[] pos : candidates(x, y, w, h)) {
            long count = covered(pos[0], pos[1], xs, ys);
            if (count < bestCount) {
                best = pos;
                bestCount = count;
            }
        }
        paint(c, best[0], best[1]);
    }

    private List<double[]> candidates(double x, double y, double w, double h) {
        double right = x + w - INSET - width;
        double left = x + INSET;
        double top = y + INSET;
        double bottom = y + h - INSET - height;
        double midX = x + (w - width) / 2;
        double midY = y + (h - height) / 2;
        return List.of(new double[] {right, top}, new double[] {left, top}, new double[] {left, bottom},
                new double[] {right, bottom}, new double[] {right, midY}, new double[] {midX, top}, new double[] {midX, bottom});
    }

    private long covered(double bx, double by, List<double[]> xs, List<double[]> ys) {
        long n = 0;
        for (int s = 0; s < xs.size(); s++) {
            double[] px = xs.get(s);
            double[] py = ys.get(s);
            for (int i = 0; i < px.length; i++) {
                n += inside(px[i], py[i], bx, by) ? 1 : 0;
                if (i > 0) {
                    n += segmentSamples(px[i - 1], py[i - 1], px[i], py[i], bx, by);
                }
            }
        }
        return n;
    }

    /** Points every 4 pixels along a long segment, so a straight line through the box counts too. */
    private long segmentSamples(double x0, double y0, double x1, double y1, double bx, double by) {
        double len = Math.hypot(x1 - x0, y1 - y0);
        int steps = (int) Math.min(200, len / 4);
        long n = 0;
        for (int k = 1; k < steps; k++) {
            double f = k / (double) steps;
            n += inside(x0 + f * (x1 - x0), y0 + f * (y1 - y0), bx, by) ? 1 : 0;
        }
        return n;
    }

    private boolean inside(double px, double py, double bx, double by) {
        return px >= bx - 2 && px <= bx + width + 2 && py >= by - 2 && py <= by + height + 2;
    }

    private void paint(Canvas c, double bx, double by) {
        c.fillRect(bx, by, width, height, new Color(255, 255, 255, 225));
        c.strokeRect(bx, by, width, height, new Color(204, 204, 204), 0.8f);
        List<Entry> rows = new ArrayList<>(entries);
        for (int i = 0; i < rows.size(); i++) {
            Entry e = rows.get(i);
            double cy = by + PAD + ROW * i + ROW / 2 - 2;
            Color colour = Palette.colour(e.colour());
            if (e.band()) {
                c.fillRect(bx + PAD, cy - 5, SAMPLE, 10, translucent(colour));
            }
            c.line(bx + PAD, cy, bx + PAD + SAMPLE, cy, colour, 1.8f, null);
            c.text(TickLabel.plain(e.name()), bx + PAD + SAMPLE + 6, cy, SIZE, FigurePainter.INK, Canvas.Align.START, false);
        }
    }

    static Color translucent(Color c) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), 56);
    }
}
