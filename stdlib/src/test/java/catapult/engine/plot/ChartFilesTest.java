package catapult.engine.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ChartFilesTest {
    @TempDir
    Path dir;

    static Plot threeSeries() {
        double[] a = new double[300];
        double[] b = new double[300];
        double[] c = new double[300];
        for (int i = 0; i < 300; i++) {
            a[i] = Math.exp(-i / 50.0);
            b[i] = Math.exp(-i / 80.0) * (1.2 + Math.sin(i / 9.0));
            c[i] = 0.5 / (1 + i);
        }
        return Plot.of(PlotLine.indexed("loss", a), PlotLine.indexed("test_loss", b), PlotLine.indexed("lr", c))
                .withTitle("Catapult run").withXLabel("step").withYLabel("loss").withLog(LogScale.Y);
    }

    @Test
    void pngIsAValidImageOfTheRequestedSize() throws Exception {
        Path file = ChartFiles.write(threeSeries(), dir.resolve("sub/fig.png"), 640, 400);
        byte[] bytes = Files.readAllBytes(file);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, Arrays.copyOf(bytes, 8));
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(bytes));
        assertEquals(640, img.getWidth());
        assertEquals(400, img.getHeight());
        assertTrue(countPixelsNear(img, Palette.colour(0).getRGB()) > 100, "series 0 colour drawn");
        assertTrue(countPixelsNear(img, Palette.colour(2).getRGB()) > 100, "series 2 colour drawn");
    }

    private static int countPixelsNear(BufferedImage img, int rgb) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int p = img.getRGB(x, y);
                int d = Math.abs(((p >> 16) & 255) - ((rgb >> 16) & 255)) + Math.abs(((p >> 8) & 255) - ((rgb >> 8) & 255))
                        + Math.abs((p & 255) - (rgb & 255));
                n += d < 30 ? 1 : 0;
            }
        }
        return n;
    }

    @Test
    void svgIsXmlWithOnePolylinePerSeries() throws Exception {
        Path file = ChartFiles.write(threeSeries(), dir.resolve("fig.svg"));
        Document doc = parseXml(Files.readAllBytes(file));
        assertEquals("svg", doc.getDocumentElement().getTagName());
        assertEquals("800px", doc.getDocumentElement().getAttribute("width"));
        NodeList polylines = doc.getElementsByTagName("polyline");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < polylines.getLength(); i++) {
            Element e = (Element) polylines.item(i);
            if (e.hasAttribute("data-series")) {
                names.add(e.getAttribute("data-series"));
                assertEquals(300, e.getAttribute("points").trim().split("\\s+").length);
            }
        }
        assertEquals(List.of("loss", "test_loss", "lr"), names);
    }

    static Document parseXml(byte[] bytes) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
    }

    @Test
    void logAxisSkipsPointsThatCannotBeDrawn() throws Exception {
        double[] y = {1, 0.5, 0, -1, Double.NaN, 0.1, Double.POSITIVE_INFINITY, 0.05};
        Plot plot = Plot.of(PlotLine.indexed("loss", y)).withLog(LogScale.Y);
        Document doc = parseXml(Files.readAllBytes(ChartFiles.write(plot, dir.resolve("log.svg"))));
        // 1, 0.5, 0.1, 0.05 survive; XChart joins consecutive drawn points, so 4 points in one line.
        Element line = (Element) doc.getElementsByTagName("polyline").item(0);
        assertEquals(4, line.getAttribute("points").trim().split("\\s+").length);
    }

    @Test
    void groupedTableGivesOneSeriesPerGroupSortedByX() {
        List<PlotLine> groups = Plot.groupBy(new double[] {0.5, 0.1, 0.3, 0.2}, new double[] {5, 1, 3, 2},
                List.of("net", "lin", "net", "lin"));
        assertEquals(List.of("net", "lin"), groups.stream().map(PlotLine::name).toList());
        assertArrayEquals(new double[] {0.3, 0.5}, groups.get(0).x());
        assertArrayEquals(new double[] {3, 5}, groups.get(0).y());
        assertArrayEquals(new double[] {0.1, 0.2}, groups.get(1).x());
    }

    @Test
    void userErrorsAreIllegalArgumentsNamingTheProblem() {
        Plot plot = Plot.of(PlotLine.indexed("loss", new double[] {1, 2}));
        var ext = assertThrows(IllegalArgumentException.class, () -> ChartFiles.write(plot, dir.resolve("fig.pdf")));
        assertTrue(ext.getMessage().contains(".png or .svg"), ext.getMessage());
        Plot nothing = Plot.of(PlotLine.indexed("loss", new double[] {0, -1})).withLog(LogScale.Y);
        var none = assertThrows(IllegalArgumentException.class, () -> ChartFiles.write(nothing, dir.resolve("f.png")));
        assertTrue(none.getMessage().contains("log axis"), none.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new PlotLine("x", new double[2], new double[3]));
        assertThrows(IllegalArgumentException.class, () -> LogScale.parse("z"));
        assertEquals(LogScale.XY, LogScale.parse("yx"));
    }

    @Test
    void repeatedSeriesNamesAreMadeDistinct() {
        PlotLine s = PlotLine.indexed("loss", new double[] {1, 2});
        assertEquals(List.of("loss", "loss (2)"), Plot.of(s, s).series().stream().map(PlotLine::name).toList());
    }
}
