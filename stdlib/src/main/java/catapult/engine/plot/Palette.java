package catapult.engine.plot;

import java.awt.Color;

/**
 * PlotLine colours shared by the file and terminal renderers, so series k has the same hue in the
 * saved figure and in the REPL's text chart. Matplotlib's "tab10" order, which researchers
 * already read fluently; terminal colours are the nearest basic ANSI ones.
 */
public final class Palette {
    private static final int[] RGB = {
        0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd,
        0x8c564b, 0xe377c2, 0x7f7f7f, 0xbcbd22, 0x17becf,
    };
    private static final int[] ANSI = {34, 33, 32, 31, 35, 91, 95, 90, 93, 36};

    private Palette() {
    }

    public static Color colour(int series) {
        return new Color(RGB[Math.floorMod(series, RGB.length)]);
    }

    /** ANSI SGR escape that switches the terminal foreground to series k's colour. */
    public static String ansi(int series) {
        return "\u001b[" + ANSI[Math.floorMod(series, ANSI.length)] + "m";
    }

    public static final String ANSI_RESET = "\u001b[0m";
}
