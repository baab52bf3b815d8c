package catapult.engine.plot;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.image.BufferedImage;

/**
 * A piece of text on a figure, optionally with a raised exponent (tick labels such as 10^-3 on
 * log axes). Measures itself with the same font metrics for PNG and SVG, so the layout agrees.
 */
record TickLabel(String text, String exponent) {
    static final String FONT_FAMILY = Font.SANS_SERIF;
    private static final FontMetrics[] METRICS = new FontMetrics[40];

    static {
        Headless.ensure();
    }

    static TickLabel plain(String text) {
        return new TickLabel(text, null);
    }

    /** 10^e, written with a superscript exponent. */
    static TickLabel power(int exponent) {
        return new TickLabel("10", Integer.toString(exponent).replace('-', '\u2212'));
    }

    static int exponentSize(int size) {
        return Math.max(6, Math.round(size * 0.72f));
    }

    double width(int size) {
        double w = metrics(size).stringWidth(text);
        return exponent == null ? w : w + metrics(exponentSize(size)).stringWidth(exponent) + 1;
    }

    static double ascent(int size) {
        return metrics(size).getAscent();
    }

    static double descent(int size) {
        return metrics(size).getDescent();
    }

    static double textWidth(String s, int size) {
        return metrics(size).stringWidth(s);
    }

    static Font font(int size) {
        return new Font(FONT_FAMILY, Font.PLAIN, size);
    }

    private static synchronized FontMetrics metrics(int size) {
        int i = Math.min(Math.max(size, 1), METRICS.length - 1);
        if (METRICS[i] == null) {
            BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB);
            var g = scratch.createGraphics();
            g.setRenderingHint(java.awt.RenderingHints.KEY_FRACTIONALMETRICS, java.awt.RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            METRICS[i] = g.getFontMetrics(font(i));
            g.dispose();
        }
        return METRICS[i];
    }
}
