package catapult.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressThrottleTest {

    @Test
    void reportsAtMostOncePerIntervalAndAlwaysTheEnd() {
        List<Progress> seen = new ArrayList<>();
        ProgressThrottle throttle = new ProgressThrottle(seen::add, "train", 1_000_000_000L);
        for (int t = 1; t <= 1000; t++) throttle.report(t, 1000, 1.0 / t, 0.5, 0.25, false);
        assertTrue(seen.isEmpty(), "nothing within the first interval");
        throttle.report(1000, 1000, 0.001, 0.5, 0.25, true);
        assertEquals(1, seen.size());
        Progress p = seen.get(0);
        assertTrue(p.finished());
        assertEquals(0, p.etaSeconds());
        assertEquals("train 1000/1000  loss 0.001  lr 0.5 (2 x crit)  eta 0s", p.line());
    }

    @Test
    void estimatesTimeLeftFromTheRateSoFar() {
        List<Progress> seen = new ArrayList<>();
        ProgressThrottle throttle = new ProgressThrottle(seen::add, "sweep", 0);
        throttle.report(1, 4, Double.NaN, Double.NaN, Double.NaN, false);
        Progress p = seen.get(0);
        assertTrue(p.etaSeconds() >= 0 && Math.abs(p.etaSeconds() - 3 * p.elapsedSeconds()) < 1e-9);
        assertTrue(p.line().startsWith("sweep 1/4"));
    }
}
