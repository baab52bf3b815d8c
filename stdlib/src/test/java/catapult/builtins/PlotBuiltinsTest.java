package catapult.builtins;

import catapult.lang.session.Session;
import catapult.lang.session.SessionSettings;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import catapult.engine.plot.Plottable;
import catapult.engine.plot.PlotLine;
import catapult.engine.train.ProgressListener;
import catapult.lang.builtins.BuiltinRegistry;
import catapult.lang.errors.CatapultError;
import catapult.lang.eval.Interpreter;
import catapult.lang.value.CatValue;
import catapult.lang.value.Record;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class PlotBuiltinsTest {
    @TempDir
    Path dir;
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final Session interp = Session.standard(SessionSettings.defaults().withOut(new PrintStream(printed, true, StandardCharsets.UTF_8)));

    private Object run(String code) {
        return interp.run(code.replace("DIR", dir.toString()), "<test>");
    }

    private String output() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    /** A stand-in for a training run: loss and one tracked metric against step. */
    record FakeRun(String label) implements CatValue, Plottable {
        @Override public String typeName() { return "run"; }
        @Override public String show() { return "<run>"; }
        @Override public List<PlotLine> plotSeries() {
            return List.of(PlotLine.indexed("loss", new double[] {1, 4, 0.5, 0.1}),
                    new PlotLine("ntk_eigs[0]", new double[] {0, 2}, new double[] {10, 5}));
        }
        @Override public String plotLabel() { return label; }
    }

    @Test
    void tensorToPngWithTitleAndLogAxis() throws Exception {
        Object p = run("plot(linspace(1, 100, 50)^2, title: \"squares\", log: \"y\", file: \"DIR/sq.png\", width: 400, height: 300)");
        assertTrue(((CatValue) p).show().contains("saved to " + dir.resolve("sq.png")), ((CatValue) p).show());
        var img = ImageIO.read(new ByteArrayInputStream(Files.readAllBytes(dir.resolve("sq.png"))));
        assertEquals(400, img.getWidth());
        assertEquals(300, img.getHeight());
        assertEquals("", output(), "no text chart without a terminal");
    }

    @Test
    void tableByGroupGivesOneSeriesPerGroupInSvg() throws Exception {
        List<Object> rows = new ArrayList<>();
        for (String model : List.of("net", "linear")) {
            for (double lr : new double[] {0.1, 0.2, 0.4}) {
                rows.add(Record.of("lr", lr, "model", model, "final_loss", lr * (model.equals("net") ? 2 : 1)));
            }
        }
        interp.setGlobal("t", Convert.table(rows));
        Object p = run("plot(t, x: \"lr\", y: \"final_loss\", by: \"model\", log: \"xy\", file: \"DIR/lr.svg\")");
        assertEquals(List.of("model=net", "model=linear"), ((CatValue) p).field("series"));
        NodeList lines = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(dir.resolve("lr.svg").toFile()).getElementsByTagName("polyline");
        List<String> drawn = new ArrayList<>();
        for (int i = 0; i < lines.getLength(); i++) {
            String name = ((Element) lines.item(i)).getAttribute("data-series");
            if (!name.isEmpty()) {
                drawn.add(name);
            }
        }
        assertEquals(List.of("model=net", "model=linear"), drawn);
    }

    @Test
    void recordsNameTheirSeriesAndXValuesAreUsed() {
        Object p = run("plot({a: [1, 2, 3], b: tensor([3, 2, 1])}, x: [10, 20, 30])");
        var plot = ((PlotValue) p).plot();
        assertEquals(List.of("a", "b"), plot.series().stream().map(PlotLine::name).toList());
        assertArrayEquals(new double[] {10, 20, 30}, plot.series().get(1).x());
        assertArrayEquals(new double[] {3, 2, 1}, plot.series().get(1).y());
        Object m = run("plot(tensor([[1, 2], [3, 4], [5, 6]]))");
        assertEquals(List.of("y[0]", "y[1]"), ((CatValue) m).field("series"), "matrix columns are series");
    }

    @Test
    void runsArePlottedDirectlyAndFilteredByMetric() {
        interp.setGlobal("r", new FakeRun(""));
        interp.setGlobal("runs", List.of(new FakeRun("net"), new FakeRun("linear")));
        assertEquals(List.of("loss", "ntk_eigs[0]"), ((CatValue) run("plot(r)")).field("series"));
        assertEquals(List.of("ntk_eigs[0]"), ((CatValue) run("plot(r, y: \"ntk_eigs\")")).field("series"));
        assertEquals(List.of("net", "linear"), ((CatValue) run("plot(runs, y: \"loss\")")).field("series"));
        assertEquals(List.of("loss"), ((CatValue) run("plot(runs, y: \"loss\")")).field("panels"));
        assertEquals("step", ((PlotValue) run("plot(r)")).plot().xLabel());
        var e = assertThrows(CatapultError.class, () -> run("plot(r, y: \"acc\")"));
        assertTrue(e.getMessage().contains("no metric [acc]") && e.getMessage().contains("loss"), e.getMessage());
    }

    @Test
    void inATerminalATextChartIsDrawn() {
        TerminalHost.install(interp, new TerminalHost(ProgressListener.NONE, 60, 16, false));
        run("plot(linspace(0, 1, 30)^2, title: \"parabola\")");
        List<String> lines = output().lines().toList();
        assertEquals(16, lines.size(), output());
        assertTrue(lines.get(0).contains("parabola"));
        assertTrue(output().chars().anyMatch(c -> c > 0x2800 && c <= 0x28ff), "braille curve:\n" + output());
    }

    @Test
    void aTerminalTooSmallForAChartStillSavesTheFile() throws Exception {
        TerminalHost.install(interp, new TerminalHost(ProgressListener.NONE, 60, 5, false));
        run("plot([1, 2, 3], title: \"t\", xlabel: \"x\", file: \"DIR/small.png\")");
        assertTrue(Files.size(dir.resolve("small.png")) > 0);
        assertEquals("", output());
    }

    @Test
    void mistakesAreReportedWithTheArgument() {
        interp.setGlobal("t", Convert.table(List.of(Record.of("lr", 0.1, "loss", 1.0))));
        assertMessage("plot()", "plot: nothing to plot");
        assertMessage("plot(t)", "plot: a table needs y:");
        assertMessage("plot(t, y: \"acc\")", "no column 'acc'");
        assertMessage("plot([1, 2], file: \"DIR/f.pdf\")", "must end in .png or .svg");
        assertMessage("plot([1, 2], log: \"z\")", "plot: argument 'log'");
        assertMessage("plot([1, 2], x: [1, 2, 3])", "x has 3 values but 'y' has 2");
        assertMessage("plot(\"text\")", "cannot plot string");
    }

    private void assertMessage(String code, String expected) {
        var e = assertThrows(CatapultError.class, () -> run(code));
        assertTrue(e.format().contains(expected), e.format());
        assertTrue(e.format().startsWith("<test>:1:"), "positioned: " + e.format());
    }
}
