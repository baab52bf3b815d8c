package catapult.engine.plot;

import java.awt.Color;
import java.util.Locale;

/**
 * A {@link Canvas} writing SVG 1.1 text: each data series is one {@code <polyline>} carrying
 * {@code data-series="name"} and a {@code <title>}, so viewers show the name on hover and
 * scripts can pick series out; text stays text (searchable, editable in a vector editor).
 */
final class SvgCanvas implements Canvas {
    private final StringBuilder svg = new StringBuilder();
    private final int width;
    private final int height;
    private int clips;
    private boolean clipped;

    SvgCanvas(int width, int height) {
        this.width = width;
        this.height = height;
    }

    /** The finished document. */
    String document() {
        if (clipped) {
            svg.append("</g>\n");
            clipped = false;
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"" + width + "px\" height=\"" + height
                + "px\" viewBox=\"0 0 " + width + " " + height + "\" font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\">\n"
                + svg + "</svg>\n";
    }

    @Override
    public void fillRect(double x, double y, double w, double h, Color fill) {
        svg.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(w))
                .append("\" height=\"").append(n(h)).append('"').append(fill(fill)).append("/>\n");
    }

    @Override
    public void strokeRect(double x, double y, double w, double h, Color stroke, float lineWidth) {
        svg.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(w))
                .append("\" height=\"").append(n(h)).append("\" fill=\"none\"").append(stroke(stroke, lineWidth, null)).append("/>\n");
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, Color colour, float lineWidth, float[] dash) {
        svg.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2))
                .append("\" y2=\"").append(n(y2)).append('"').append(stroke(colour, lineWidth, dash)).append("/>\n");
    }

    @Override
    public void polyline(double[] xs, double[] ys, int count, Color colour, float lineWidth, float[] dash, String series) {
        svg.append("<polyline data-series=\"").append(escape(series)).append("\" fill=\"none\"")
                .append(stroke(colour, lineWidth, dash)).append(" stroke-linejoin=\"round\" stroke-linecap=\"round\" points=\"");
        for (int i = 0; i < count; i++) {
            svg.append(i == 0 ? "" : " ").append(n(xs[i])).append(',').append(n(ys[i]));
        }
        svg.append("\"><title>").append(escape(series)).append("</title></polyline>\n");
    }

    @Override
    public void polygon(double[] xs, double[] ys, int count, Color fill, String series) {
        svg.append("<polygon data-band=\"").append(escape(series)).append('"').append(fill(fill)).append(" points=\"");
        for (int i = 0; i < count; i++) {
            svg.append(i == 0 ? "" : " ").append(n(xs[i])).append(',').append(n(ys[i]));
        }
        svg.append("\"/>\n");
    }

    @Override
    public void dot(double x, double y, double radius, Color fill) {
        svg.append("<circle cx=\"").append(n(x)).append("\" cy=\"").append(n(y)).append("\" r=\"").append(n(radius))
                .append('"').append(fill(fill)).append("/>\n");
    }

    @Override
    public void text(TickLabel label, double x, double y, int size, Color colour, Align align, boolean vertical) {
        double baseline = (TickLabel.ascent(size) - TickLabel.descent(size)) / 2;
        double start = RasterCanvas.start(0, label.width(size), align);
        String transform = vertical ? "translate(" + n(x) + "," + n(y) + ") rotate(-90)" : "translate(" + n(x) + "," + n(y) + ")";
        svg.append("<text transform=\"").append(transform).append("\" x=\"").append(n(start)).append("\" y=\"").append(n(baseline))
                .append("\" font-size=\"").append(size).append('"').append(fill(colour)).append('>').append(escape(label.text()));
        if (label.exponent() != null) {
            svg.append("<tspan dy=\"").append(n(-TickLabel.ascent(size) * 0.45)).append("\" font-size=\"")
                    .append(TickLabel.exponentSize(size)).append("\">").append(escape(label.exponent())).append("</tspan>");
        }
        svg.append("</text>\n");
    }

    @Override
    public void clip(double x, double y, double w, double h) {
        unclip();
        String id = "clip" + (++clips);
        svg.append("<clipPath id=\"").append(id).append("\"><rect x=\"").append(n(x)).append("\" y=\"").append(n(y))
                .append("\" width=\"").append(n(w)).append("\" height=\"").append(n(h)).append("\"/></clipPath>\n")
                .append("<g clip-path=\"url(#").append(id).append(")\">\n");
        clipped = true;
    }

    @Override
    public void unclip() {
        if (clipped) {
            svg.append("</g>\n");
            clipped = false;
        }
    }

    private static String fill(Color c) {
        String s = " fill=\"" + rgb(c) + '"';
        return c.getAlpha() == 255 ? s : s + " fill-opacity=\"" + n(c.getAlpha() / 255.0) + '"';
    }

    private static String stroke(Color c, float width, float[] dash) {
        StringBuilder s = new StringBuilder(" stroke=\"").append(rgb(c)).append("\" stroke-width=\"").append(n(width)).append('"');
        if (c.getAlpha() != 255) {
            s.append(" stroke-opacity=\"").append(n(c.getAlpha() / 255.0)).append('"');
        }
        if (dash != null) {
            s.append(" stroke-dasharray=\"");
            for (int i = 0; i < dash.length; i++) {
                s.append(i == 0 ? "" : ",").append(n(dash[i]));
            }
            s.append('"');
        }
        return s.toString();
    }

    /** The colour as SVG writes it: "rgb(r,g,b)". */
    static String rgb(Color c) {
        return "rgb(" + c.getRed() + "," + c.getGreen() + "," + c.getBlue() + ")";
    }

    private static String n(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
