package catapult.engine.plot;

import catapult.engine.io.AtomicWrite;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Writes a {@link Plot} to a PNG or SVG file, drawn by {@link FigurePainter} (pure Java2D for
 * PNG, plain SVG text for SVG, both headless and offline). The format follows the file extension.
 */
public final class ChartFiles {
    public static final int DEFAULT_WIDTH = 800;
    public static final int DEFAULT_HEIGHT = 500;

    static {
        Headless.ensure();
    }

    private ChartFiles() {
    }

    /** The file formats a plot can be written to. */
    public enum Format { PNG, SVG }

    public static Path write(Plot plot, Path file) {
        return write(plot, file, DEFAULT_WIDTH, DEFAULT_HEIGHT);
    }

    /** Writes the plot as {@code file} (format by extension), creating parent folders; returns the file. */
    public static Path write(Plot plot, Path file, int width, int height) {
        Format format = formatOf(file);
        try {
            AtomicWrite.write(file, out -> write(plot, out, format, width, height));
            return file;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write '" + file + "': " + e.getMessage(), e);
        }
    }

    public static void write(Plot plot, OutputStream out, Format format, int width, int height) throws IOException {
        checkSize(width, height);
        if (format == Format.PNG) {
            RasterCanvas canvas = new RasterCanvas(width, height);
            FigurePainter.paint(plot, canvas, width, height);
            ImageIO.write(canvas.image(), "png", out);
        } else {
            SvgCanvas canvas = new SvgCanvas(width, height);
            FigurePainter.paint(plot, canvas, width, height);
            out.write(canvas.document().getBytes(StandardCharsets.UTF_8));
        }
    }

    public static Format formatOf(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".png")) {
            return Format.PNG;
        }
        if (name.endsWith(".svg")) {
            return Format.SVG;
        }
        throw new IllegalArgumentException("a chart file must end in .png or .svg, got '" + file + "'");
    }

    private static void checkSize(int width, int height) {
        if (width < 100 || height < 80) {
            throw new IllegalArgumentException("an image must be at least 100 x 80 pixels, got "
                    + width + " x " + height);
        }
    }
}
