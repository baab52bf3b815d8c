package catapult.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import catapult.engine.train.Progress;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
    private final StringWriter text = new StringWriter();
    private final AtomicLong now = new AtomicLong();
    private final ProgressBar bar = new ProgressBar(new PrintWriter(text), () -> 80, now::get);

    private static Progress train(long done, long total, double loss) {
        return new Progress("train", done, total, loss, Double.NaN, Double.NaN, 0, Double.NaN, false);
    }

    @Test
    void drawsStepLossLrAndEtaOnOneLine() {
        bar.update(new Progress("train", 0, 200, 1.0, 0.5, Double.NaN, 0, Double.NaN, false));
        now.set(2_000_000_000L);
        bar.update(new Progress("train", 50, 200, 0.0312, 0.5, 0.625, 2, Double.NaN, false));
        String last = lastFrame();
        assertTrue(last.startsWith(" train  50/200 "), last);
        assertTrue(last.contains("loss 0.0312"), last);
        assertTrue(last.contains("lr 0.5 (0.80× crit 0.625)"), last);
        assertTrue(last.contains("ETA 6s"), "2 s for 50 steps -> 6 s for 150: " + last);
        long full = last.chars().filter(c -> c == '█').count();
        long cells = full + last.chars().filter(c -> c == '░').count();
        assertTrue(cells >= 8, "bar has room: " + last);
        assertEquals(cells / 4, full, "a quarter of the bar is filled: " + last);
        assertTrue(last.length() < 80);
    }

    @Test
    void throttlesRedrawsButAlwaysDrawsTheLastStep() {
        bar.update(train(1, 1000, 1));
        for (int i = 2; i < 1000; i++) {
            bar.update(train(i, 1000, 1));
        }
        assertEquals(1, frames(), "no time passed: only the first frame");
        bar.update(train(1000, 1000, 0.5));
        assertEquals(2, frames());
        assertFalse(lastFrame().contains("ETA"), "no ETA when done");
    }

    @Test
    void theFinalReportErasesTheLine() {
        bar.onProgress(train(3, 10, 0.5));
        bar.onProgress(new Progress("train", 10, 10, 0.1, Double.NaN, Double.NaN, 1, 0, true));
        assertTrue(text.toString().endsWith("\r\u001b[K"));
        assertEquals(1, frames() - 1, "one frame drawn, then erased");
    }

    @Test
    void numbersAndDurationsAreCompact() {
        assertEquals("0.0312", ProgressBar.number(0.0312));
        assertEquals("1.5e-05", ProgressBar.number(1.5e-5));
        assertEquals("2", ProgressBar.number(2));
        assertEquals("nan", ProgressBar.number(Double.NaN));
        assertEquals("59s", ProgressBar.duration(59.4));
        assertEquals("2m05s", ProgressBar.duration(125));
        assertEquals("1h01m", ProgressBar.duration(3660));
    }

    private int frames() {
        return text.toString().split("\r", -1).length - 1;
    }

    private String lastFrame() {
        String[] parts = text.toString().split("\r");
        return parts[parts.length - 1].replace("\u001b[K", "");
    }
}
