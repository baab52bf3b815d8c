package catapult.engine.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;

/** A {@link Canvas} painting into an anti-aliased RGB image (what a PNG file holds). */
final class RasterCanvas implements Canvas {
    static {
        Headless.ensure();
    }

    private final BufferedImage image;
    private final Graphics2D g;

    RasterCanvas(int width, int height) {
        image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    }

    BufferedImage image() {
        g.dispose();
        return image;
    }

    @Override
    public void fillRect(double x, double y, double w, double h, Color fill) {
        g.setColor(fill);
        g.fill(new Rectangle2D.Double(x, y, w, h));
    }

    @Override
    public void strokeRect(double x, double y, double w, double h, Color stroke, float width) {
        g.setColor(stroke);
        g.setStroke(new BasicStroke(width));
        g.draw(new Rectangle2D.Double(x, y, w, h));
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, Color colour, float width, float[] dash) {
        g.setColor(colour);
        g.setStroke(stroke(width, dash));
        g.draw(new Line2D.Double(x1, y1, x2, y2));
    }

    @Override
    public void polyline(double[] xs, double[] ys, int n, Color colour, float width, float[] dash, String series) {
        if (n == 0) {
            return;
        }
        Path2D.Double path = new Path2D.Double();
        path.moveTo(xs[0], ys[0]);
        for (int i = 1; i < n; i++) {
            path.lineTo(xs[i], ys[i]);
        }
        g.setColor(colour);
        g.setStroke(stroke(width, dash));
        g.draw(path);
    }

    @Override
    public void polygon(double[] xs, double[] ys, int n, Color fill, String series) {
        Path2D.Double path = new Path2D.Double();
        path.moveTo(xs[0], ys[0]);
        for (int i = 1; i < n; i++) {
            path.lineTo(xs[i], ys[i]);
        }
        path.closePath();
        g.setColor(fill);
        g.fill(path);
    }

    @Override
    public void dot(double x, double y, double radius, Color fill) {
        g.setColor(fill);
        g.fill(new java.awt.geom.Ellipse2D.Double(x - radius, y - radius, 2 * radius, 2 * radius));
    }

    @Override
    public void text(TickLabel label, double x, double y, int size, Color colour, Align align, boolean vertical) {
        AffineTransform saved = g.getTransform();
        double w = label.width(size);
        double baseline = (TickLabel.ascent(size) - TickLabel.descent(size)) / 2;
        g.setColor(colour);
        if (vertical) {
            g.translate(x, y);
            g.rotate(-Math.PI / 2);
            g.translate(start(0, w, align), baseline);
        } else {
            g.translate(start(x, w, align), y + baseline);
        }
        g.setFont(TickLabel.font(size));
        g.drawString(label.text(), 0f, 0f);
        if (label.exponent() != null) {
            int small = TickLabel.exponentSize(size);
            g.setFont(TickLabel.font(small));
            g.drawString(label.exponent(), (float) TickLabel.textWidth(label.text(), size) + 1, (float) (-TickLabel.ascent(size) * 0.45));
        }
        g.setTransform(saved);
    }

    static double start(double x, double width, Align align) {
        return switch (align) {
            case START -> x;
            case MIDDLE -> x - width / 2;
            case END -> x - width;
        };
    }

    @Override
    public void clip(double x, double y, double w, double h) {
        g.setClip(new Rectangle2D.Double(x, y, w, h));
    }

    @Override
    public void unclip() {
        g.setClip(null);
    }

    private static BasicStroke stroke(float width, float[] dash) {
        return dash == null ? new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND)
                : new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f);
    }
}
