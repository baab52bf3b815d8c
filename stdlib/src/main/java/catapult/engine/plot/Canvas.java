package catapult.engine.plot;

import java.awt.Color;

/**
 * The drawing operations a figure needs, in pixel coordinates with y pointing down. One
 * implementation paints a raster image (PNG), the other writes SVG elements, so both formats
 * come from the same layout code ({@link FigurePainter}) and look alike.
 */
interface Canvas {
    /** Where a text's x coordinate sits: at its start, its middle or its end. */
    enum Align { START, MIDDLE, END }

    void fillRect(double x, double y, double w, double h, Color fill);

    void strokeRect(double x, double y, double w, double h, Color stroke, float width);

    /** A straight line; {@code dash} null for a solid one. */
    void line(double x1, double y1, double x2, double y2, Color colour, float width, float[] dash);

    /** Points joined in order; {@code series} names the data (kept in SVG for viewers and scripts). */
    void polyline(double[] xs, double[] ys, int n, Color colour, float width, float[] dash, String series);

    /** A filled polygon (a band), translucent by the colour's alpha. */
    void polygon(double[] xs, double[] ys, int n, Color fill, String series);

    void dot(double x, double y, double radius, Color fill);

    /**
     * Text whose vertical middle is at y; an exponent (may be null) is drawn raised and smaller
     * after it, as in 10^3. Vertical text reads bottom to top and is centred on (x, y).
     */
    void text(TickLabel label, double x, double y, int size, Color colour, Align align, boolean vertical);

    /** Restricts drawing to a rectangle until {@link #unclip()}. */
    void clip(double x, double y, double w, double h);

    void unclip();
}
