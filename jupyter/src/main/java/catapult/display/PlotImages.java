package catapult.display;

import catapult.builtins.PlotValue;
import catapult.engine.plot.ChartFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** A plot drawn in memory, as notebooks show it inline (the same rendering as {@code plot(file: "x.png")}). */
public final class PlotImages {
    /** Notebook cells are narrower than a saved figure's 800 px default. */
    public static final int INLINE_WIDTH = 640;
    public static final int INLINE_HEIGHT = 400;

    private PlotImages() {}

    public static byte[] png(PlotValue plot) { return png(plot, INLINE_WIDTH, INLINE_HEIGHT); }

    public static byte[] png(PlotValue plot, int width, int height) {
        return render(plot, ChartFiles.Format.PNG, width, height);
    }

    public static String svg(PlotValue plot) {
        return new String(render(plot, ChartFiles.Format.SVG, INLINE_WIDTH, INLINE_HEIGHT), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static byte[] render(PlotValue plot, ChartFiles.Format format, int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ChartFiles.write(plot.plot(), out, format, width, height);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writes to memory only; not expected
        }
        return out.toByteArray();
    }
}
