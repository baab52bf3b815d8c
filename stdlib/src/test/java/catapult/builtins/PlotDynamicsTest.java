package catapult.builtins;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import catapult.engine.plot.Band;
import catapult.engine.plot.Panel;
import catapult.engine.plot.Plot;
import catapult.engine.plot.PlotLine;
import catapult.engine.plot.Plottable;
import catapult.lang.errors.CatapultError;
import catapult.lang.session.Session;
import catapult.lang.session.SessionSettings;
import catapult.lang.value.CatValue;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** plot for training dynamics: named runs, one panel per quantity, bands over seeds, reference lines, per-panel log scales. */
class PlotDynamicsTest {
    @TempDir
    Path dir;
    private final Session interp = Session.standard(SessionSettings.defaults()
            .withOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));

    /** A run whose loss is scale * (4, 2, 1) and whose one eigenvalue is scale * (10, 5) at steps 0 and 2. */
    record ScaledRun(double scale) implements CatValue, Plottable {
        @Override public String typeName() { return "run"; }
        @Override public String show() { return "<run>"; }
        @Override public List<PlotLine> plotSeries() {
            return List.of(PlotLine.indexed("loss", new double[] {4 * scale, 2 * scale, scale}),
                    PlotLine.indexed("lr", new double[] {0.1, 0.1}),
                    new PlotLine("ntk_eigs[0]", new double[] {0, 2}, new double[] {10 * scale, 5 * scale}));
        }
    }

    private Plot plot(String code) {
        interp.setGlobal("a", new ScaledRun(1));
        interp.setGlobal("b", new ScaledRun(2));
        interp.setGlobal("c", new ScaledRun(3));
        return ((PlotValue) interp.run(code.replace("DIR", dir.toString()), "<test>")).plot();
    }

    @Test
    void eachQuantityGetsAPanelAndEachRunKeepsItsColour() {
        Plot p = plot("plot(a, b, names: [\"slow\", \"fast\"])");
        assertEquals(List.of("loss", "ntk_eigs"), p.panels().stream().map(Panel::yLabel).toList(), "a constant lr is left out");
        for (Panel panel : p.panels()) {
            assertEquals(List.of("slow", "fast"), panel.lines().stream().map(PlotLine::name).toList());
            assertEquals(List.of(0, 1), panel.colours());
        }
        assertEquals("step", p.xLabel());
        assertEquals(List.of("lr"), plot("plot(a, panels: [\"lr\"])").panels().stream().map(Panel::yLabel).toList());
    }

    @Test
    void aRecordOfRunsNamesThemByKey() {
        Plot p = plot("plot({\"0.5x\": a, \"1.5x\": b}, panels: \"loss\")");
        assertEquals(List.of("0.5x", "1.5x"), p.series().stream().map(PlotLine::name).toList());
        Plot list = plot("plot([a, b, c], names: [\"x\", \"y\", \"z\"], y: \"loss\")");
        assertEquals(List.of("x", "y", "z"), list.series().stream().map(PlotLine::name).toList());
    }

    @Test
    void aListOfSeedsWithBandIsItsMeanAndSpread() {
        Plot p = plot("plot({seeds: [a, b, c]}, y: \"loss\", band: \"std\")");
        Panel panel = p.panels().get(0);
        assertArrayEquals(new double[] {8, 4, 2}, panel.lines().get(0).y(), 1e-12);
        Band band = panel.bands().get(0);
        assertEquals("seeds", band.name());
        assertArrayEquals(new double[] {4, 2, 1}, band.lo(), 1e-12, "mean - sample std (std of 1, 2, 3 is 1)");
        assertArrayEquals(new double[] {12, 6, 3}, band.hi(), 1e-12);
        Band minmax = plot("plot([a, c], y: \"loss\", band: \"minmax\")").panels().get(0).bands().get(0);
        assertArrayEquals(new double[] {4, 2, 1}, minmax.lo(), 1e-12);
        assertArrayEquals(new double[] {12, 6, 3}, minmax.hi(), 1e-12);
    }

    @Test
    void aTableBandSpansTheRowsSharingX() {
        Plot p = plot("""
                let t = table([{lr: 0.1, seed: 0, loss: 1}, {lr: 0.1, seed: 1, loss: 3}, {lr: 0.2, seed: 0, loss: 5},
                               {lr: 0.2, seed: 1, loss: 5}])
                plot(t, x: "lr", y: "loss", band: "std")
                """);
        assertArrayEquals(new double[] {0.1, 0.2}, p.series().get(0).x());
        assertArrayEquals(new double[] {2, 5}, p.series().get(0).y());
        assertArrayEquals(new double[] {2 - Math.sqrt(2), 5}, p.panels().get(0).bands().get(0).lo(), 1e-12);
    }

    @Test
    void referenceLinesAndLogScalesGoToTheNamedPanels() {
        Plot p = plot("plot(a, b, panels: [\"loss\", \"ntk_eigs\"], hline: {ntk_eigs: [2, 4]}, log: {loss: \"y\"})");
        assertEquals(List.of(), p.panels().get(0).hlines());
        assertEquals(List.of(2.0, 4.0), p.panels().get(1).hlines());
        assertTrue(p.panels().get(0).logY());
        assertTrue(!p.panels().get(1).logY());
        Plot all = plot("plot(a, hline: 1.5, log: \"y\")");
        assertTrue(all.panels().stream().allMatch(q -> q.hlines().equals(List.of(1.5)) && q.logY()));
    }

    @Test
    void mistakesNameTheArgument() {
        assertMessage("plot(a, hline: {acc: 1})", "argument 'hline' names the panel 'acc', but the panels are [loss, ntk_eigs]");
        assertMessage("plot(a, log: {loss: \"x\"})", "argument 'log' gives panel 'loss' the scale \"x\"");
        assertMessage("plot(a, b, names: [\"one\"])", "names: gives 1 name for 2 things to plot");
        assertMessage("plot(a, y: \"loss\", panels: [\"loss\"])", "not both");
        assertMessage("plot([1, 2], panels: [\"a\"])", "panels: works with runs and tables");
        assertMessage("plot(a, [1, 2])", "not a mix");
        assertMessage("plot(a, panels: [\"acc\"])", "no metric [acc]");
    }

    private void assertMessage(String code, String expected) {
        var e = assertThrows(CatapultError.class, () -> plot(code));
        assertTrue(e.format().contains(expected), e.format());
        assertTrue(e.format().startsWith("<test>:1:"), "positioned: " + e.format());
    }

    @Test
    void panelsMakeTheDefaultFigureTaller() throws Exception {
        plot("plot(a, b, file: \"DIR/two.png\")");
        BufferedImage img = ImageIO.read(dir.resolve("two.png").toFile());
        assertEquals(800, img.getWidth());
        assertEquals(720, img.getHeight());
        plot("plot(a, y: \"loss\", file: \"DIR/one.png\")");
        assertEquals(500, ImageIO.read(dir.resolve("one.png").toFile()).getHeight());
    }
}
