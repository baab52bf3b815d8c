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
        // 1, 0.5, 0.1, 0.05 survive and are joined in order: 4 points in one line.
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

    private static List<Element> elements(Document doc, String tag) {
        NodeList nodes = doc.getElementsByTagName(tag);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    private static double[] translation(Element text) {
        String t = text.getAttribute("transform");
        String[] xy = t.substring(t.indexOf('(') + 1, t.indexOf(')')).split(",");
        return new double[] {Double.parseDouble(xy[0]), Double.parseDouble(xy[1])};
    }

    @Test
    void logAxesAreLabelledWithPowersOfTen() throws Exception {
        double[] y = new double[50];
        for (int i = 0; i < y.length; i++) {
            y[i] = Math.pow(10, 2 - i / 10.0);
        }
        Plot plot = Plot.of(PlotLine.indexed("loss", y)).withLog(LogScale.Y);
        Document doc = parseXml(Files.readAllBytes(ChartFiles.write(plot, dir.resolve("pow.svg"))));
        List<String> powers = new ArrayList<>();
        for (Element text : elements(doc, "text")) {
            NodeList sup = text.getElementsByTagName("tspan");
            if (sup.getLength() == 1) {
                powers.add(text.getFirstChild().getTextContent() + "^" + sup.item(0).getTextContent());
            }
        }
        assertEquals(List.of("10^\u22123", "10^\u22122", "10^\u22121", "10^0", "10^1", "10^2"), powers);
    }

    @Test
    void tickLabelsNeverOverlapHoweverNarrowTheFigure() throws Exception {
        double[] y = new double[20001];
        Arrays.fill(y, 1);
        Plot plot = Plot.of(PlotLine.indexed("loss", y)).withXLabel("step");
        for (int width : new int[] {200, 400, 800, 1600}) {
            Document doc = parseXml(Files.readAllBytes(ChartFiles.write(plot, dir.resolve("w.svg"), width, 300)));
            List<double[]> bottom = new ArrayList<>();
            double lowest = 0;
            for (Element text : elements(doc, "text")) {
                lowest = Math.max(lowest, translation(text)[1]);
            }
            for (Element text : elements(doc, "text")) {
                double[] at = translation(text);
                if (at[1] < lowest - 1 && at[1] > 250) {
                    double w = TickLabel.plain(text.getTextContent()).width(12);
                    bottom.add(new double[] {at[0] + Double.parseDouble(text.getAttribute("x")), w});
                }
            }
            assertTrue(bottom.size() >= 2, width + " px: at least two x labels");
            bottom.sort((p, q) -> Double.compare(p[0], q[0]));
            for (int i = 1; i < bottom.size(); i++) {
                double gap = bottom.get(i)[0] - (bottom.get(i - 1)[0] + bottom.get(i - 1)[1]);
                assertTrue(gap >= 12, width + " px: labels " + (i - 1) + " and " + i + " are " + gap + " px apart");
            }
        }
    }

    @Test
    void stackedPanelsShareAlignedFramesAndDrawBandsAndReferenceLines() throws Exception {
        double[] x = {0, 1, 2};
        Panel big = new Panel("loss", false, List.of(new PlotLine("mean", x, new double[] {2e6, 1e6, 5e5})), List.of(0),
                List.of(new Band("mean", x, new double[] {1e6, 5e5, 2e5}, new double[] {3e6, 2e6, 8e5}, 0)), List.of());
        Panel small = new Panel("lambda", false, List.of(new PlotLine("l", x, new double[] {0.1, 0.2, 0.3})), List.of(1),
                List.of(), List.of(0.25));
        Plot plot = Plot.of(List.of(big, small), "step");
        Document doc = parseXml(Files.readAllBytes(ChartFiles.write(plot, dir.resolve("panels.svg"), 600, 600)));
        List<Element> frames = elements(doc, "rect").stream().filter(r -> r.getAttribute("fill").equals("none")).toList();
        assertEquals(2, frames.size(), "one frame per panel");
        assertEquals(frames.get(0).getAttribute("x"), frames.get(1).getAttribute("x"), "y axes aligned");
        assertEquals(frames.get(0).getAttribute("width"), frames.get(1).getAttribute("width"));
        assertEquals(1, elements(doc, "polygon").size(), "one band");
        assertTrue(elements(doc, "polygon").get(0).hasAttribute("fill-opacity"), "translucent band");
        assertEquals(1, elements(doc, "line").stream().filter(l -> l.hasAttribute("stroke-dasharray")).count(), "dashed reference line");
        assertTrue(elements(doc, "text").stream().anyMatch(t -> t.getTextContent().equals("0.25")), "the reference value is labelled");
    }
}
