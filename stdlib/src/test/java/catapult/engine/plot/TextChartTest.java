package catapult.engine.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextChartTest {
    private static String plain(String s) {
        return s.replaceAll("\u001b\\[[0-9;]*m", "");
    }

    @Test
    void chartHasExactlyTheRequestedSize() {
        for (boolean colour : new boolean[] {true, false}) {
            String text = new TextChart(70, 22, colour).render(ChartFilesTest.threeSeries());
            List<String> lines = plain(text).lines().toList();
            assertEquals(22, lines.size(), text);
            for (String line : lines) {
                assertTrue(line.length() <= 70, "line too wide: '" + line + "'");
            }
            assertTrue(lines.get(0).contains("Catapult run"));
            assertTrue(lines.get(lines.size() - 1).contains("test_loss"), "legend last");
            assertEquals(colour, text.contains("\u001b["), "ANSI colour only when asked");
        }
    }

    @Test
    void decreasingLineGoesFromTopLeftToBottomRight() {
        double[] y = new double[50];
        for (int i = 0; i < 50; i++) {
            y[i] = 49 - i;
        }
        List<String> lines = new TextChart(40, 12, false).render(Plot.of(PlotLine.indexed("y", y))).lines().toList();
        String top = lines.get(0);
        String bottom = lines.get(9);
        int axis = top.indexOf('┤');
        assertTrue(axis > 0, "y axis with a tick at the top row: " + top);
        assertTrue(isBraille(top.charAt(axis + 1)), "curve starts at the top-left: " + top);
        assertTrue(isBraille(bottom.charAt(bottom.length() - 1)), "curve ends at the bottom-right: " + bottom);
        assertTrue(top.stripTrailing().length() < 20, "nothing at the top-right: " + top);
        assertTrue(lines.get(10).contains("└"), "x axis line");
        assertTrue(lines.get(11).trim().startsWith("0") && lines.get(11).contains("40"), "x tick labels: " + lines.get(11));
    }

    private static boolean isBraille(char c) {
        return c > 0x2800 && c <= 0x28ff;
    }

    @Test
    void withoutColourSeveralSeriesGetDistinctMarkers() {
        Plot plot = Plot.of(PlotLine.indexed("a", new double[] {0, 1, 2}), PlotLine.indexed("b", new double[] {2, 1, 0}));
        String text = new TextChart(40, 12, false).render(plot);
        assertTrue(text.contains("•") && text.contains("×"), text);
        assertTrue(text.contains("• a") && text.contains("× b"), "legend keys match markers: " + text);
        assertFalse(text.chars().anyMatch(c -> c > 0x2800 && c <= 0x28ff), "no braille when markers are used");
    }

    @Test
    void logAxisTicksArePowersOfTen() {
        double[] y = {1000, 100, 10, 1, 0.1};
        String text = new TextChart(40, 14, false).render(Plot.of(PlotLine.indexed("y", y)).withLog(LogScale.Y));
        for (String tick : List.of("1000 ┤", "100 ┤", "10 ┤", "1 ┤", "0.1 ┤")) {
            assertTrue(text.contains(tick), "missing tick " + tick + " in\n" + text);
        }
    }

    @Test
    void tooSmallIsAClearError() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new TextChart(40, 4, false).render(ChartFilesTest.threeSeries()));
        assertTrue(e.getMessage().contains("height"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new TextChart(5, 20, false));
    }

    @Test
    void tickLabelsAreShortAndExact() {
        assertEquals("0", Ticks.format(0));
        assertEquals("0.3", Ticks.format(0.1 + 0.2));
        assertEquals("1500", Ticks.format(1500));
        assertEquals("1e-05", Ticks.format(1e-5));
        assertEquals("2.5e+06", Ticks.format(2.5e6));
        assertEquals(List.of(0.0, 0.2, 0.4, 0.6, 0.8, 1.0), Ticks.values(0, 1, false, 6));
        assertEquals(5.0, Ticks.niceStep(3.1));
        assertEquals(List.of(0.2, 0.5), Ticks.values(0.15, 0.6, true, 6));
    }

    @Test
    void panelsAreStackedWithinTheHeight() {
        Plot p = Plot.of(List.of(Panel.of("loss", List.of(PlotLine.indexed("a", new double[] {3, 2, 1}))),
                Panel.of("eig", List.of(PlotLine.indexed("b", new double[] {1, 5, 2})))), "step").withTitle("two");
        List<String> lines = plain(new TextChart(60, 24, false).render(p)).lines().toList();
        assertTrue(lines.size() <= 24, lines.size() + " lines");
        assertTrue(lines.get(0).contains("two"), "title on top");
        int loss = lines.indexOf("loss");
        int eig = lines.indexOf("eig");
        assertTrue(loss >= 0 && eig > loss, String.join("\n", lines));
        assertTrue(lines.get(lines.size() - 1).contains("step") || lines.get(lines.size() - 2).contains("step"), "x label at the bottom");
    }
}
