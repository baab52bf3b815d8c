package catapult.engine.plot;

import catapult.engine.io.AtomicWrite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Writes a {@link Plot} to a PNG or SVG file with XChart (chosen because it is maintained, pure
 * Java, small, and its SVG export through VectorGraphics2D works offline and headless).
 * The format follows the file extension.
 */
public final class ChartFiles {
    public static final int DEFAULT_WIDTH = 800;
    public static final int DEFAULT_HEIGHT = 500;
    /** PlotLine with at most this many points also get markers, so sparse sweep curves show their samples. */
    private static final int MARKER_LIMIT = 40;

    static {
        // A CLI or test JVM has no display; AWT must not try to open one.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
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
            throw new IllegalArgumentException("plot: cannot write '" + file + "': " + e.getMessage(), e);
        }
    }

    public static void write(Plot plot, OutputStream out, Format format, int width, int height) throws IOException {
        XYChart chart = toChart(plot, width, height);
        if (format == Format.PNG) {
            BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
        } else {
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            VectorGraphicsEncoder.saveVectorGraphic(chart, raw, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
            SvgPolylines.rewrite(raw.toByteArray(), seriesColours(chart), out);
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
        throw new IllegalArgumentException("plot: argument 'file' must end in .png or .svg, got '" + file + "'");
    }

    static XYChart toChart(Plot plot, int width, int height) {
        if (width < 100 || height < 80) {
            throw new IllegalArgumentException("plot: image size must be at least 100 x 80 pixels, got "
                    + width + " x " + height);
        }
        List<DrawableSeries> drawable = DrawableSeries.of(plot);
        XYChart chart = new XYChartBuilder().width(width).height(height)
                .title(plot.title()).xAxisTitle(plot.xLabel()).yAxisTitle(plot.yLabel()).build();
        style(chart, plot, drawable.size());
        for (int i = 0; i < drawable.size(); i++) {
            if (!drawable.get(i).isEmpty()) {
                addSeries(chart, drawable.get(i), i);
            }
        }
        return chart;
    }

    private static void style(XYChart chart, Plot plot, int seriesCount) {
        var styler = chart.getStyler();
        styler.setChartTitleVisible(!plot.title().isEmpty());
        styler.setXAxisTitleVisible(!plot.xLabel().isEmpty());
        styler.setYAxisTitleVisible(!plot.yLabel().isEmpty());
        styler.setXAxisLogarithmic(plot.log().logX());
        styler.setYAxisLogarithmic(plot.log().logY());
        styler.setLegendVisible(seriesCount > 1);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotGridLinesColor(new Color(225, 225, 225));
        styler.setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        styler.setAntiAlias(true);
    }

    private static List<Map.Entry<String, String>> seriesColours(XYChart chart) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        for (XYSeries s : chart.getSeriesMap().values()) {
            Color c = s.getLineColor();
            out.add(Map.entry(s.getName(), "rgb(" + c.getRed() + "," + c.getGreen() + "," + c.getBlue() + ")"));
        }
        return out;
    }

    private static void addSeries(XYChart chart, DrawableSeries d, int index) {
        XYSeries s = chart.addSeries(d.name(), d.x(), d.y());
        s.setLineColor(Palette.colour(index));
        s.setMarkerColor(Palette.colour(index));
        s.setLineStyle(new BasicStroke(1.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        if (d.x().length > MARKER_LIMIT) {
            s.setMarker(SeriesMarkers.NONE);
        }
    }
}
