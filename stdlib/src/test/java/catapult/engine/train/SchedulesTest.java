package catapult.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchedulesTest {

    private static final LrContext NONE = LrContext.none();

    @Test
    void stepsHoldsEachValueFromItsStep() {
        LrSchedule s = Schedules.steps(6, Map.of(15, 10.0, 60, 15.0));
        assertEquals(6, s.at(0, NONE));
        assertEquals(6, s.at(14, NONE));
        assertEquals(10, s.at(15, NONE));
        assertEquals(10, s.at(59, NONE));
        assertEquals(15, s.at(60, NONE));
        assertEquals(15, s.at(10_000, NONE));
    }

    @Test
    void cyclicIsTriangular() {
        LrSchedule s = Schedules.cyclic(0.1, 0.5, 10);
        assertEquals(0.1, s.at(0, NONE), 1e-12);
        assertEquals(0.34, s.at(3, NONE), 1e-12);
        assertEquals(0.5, s.at(5, NONE), 1e-12);
        assertEquals(0.18, s.at(9, NONE), 1e-12);
        assertEquals(0.1, s.at(10, NONE), 1e-12);
    }

    @Test
    void cosineAnnealsToZero() {
        LrSchedule s = Schedules.cosine(2, 100);
        assertEquals(2, s.at(0, NONE), 1e-12);
        assertEquals(1, s.at(50, NONE), 1e-12);
        assertEquals(0, s.at(100, NONE), 1e-12);
        assertEquals(0, s.at(150, NONE), 1e-12);
    }

    @Test
    void warmupRampsLinearly() {
        LrSchedule s = Schedules.warmup(1, 4);
        assertEquals(0.25, s.at(0, NONE), 1e-12);
        assertEquals(0.75, s.at(2, NONE), 1e-12);
        assertEquals(1, s.at(3, NONE), 1e-12);
        assertEquals(1, s.at(50, NONE), 1e-12);
    }

    @Test
    void relativeScalesTheInitialCriticalRate() {
        assertEquals(1.5, Schedules.relative(0.5).at(7, context(3, 1)), 1e-12);
    }

    @Test
    void criticalAwareResetsEveryKSteps() {
        double[] current = {2.0};
        LrContext ctx = new LrContext() {
            final Map<Object, Object> state = new HashMap<>();

            @Override public double initialCriticalLr() { return 2; }

            @Override public double currentCriticalLr() { return current[0]; }

            @Override public Map<Object, Object> state() { return state; }
        };
        LrSchedule s = Schedules.criticalAware(1.5, 20);
        assertEquals(3, s.at(0, ctx), 1e-12);
        current[0] = 4;
        assertEquals(3, s.at(19, ctx), 1e-12);
        assertEquals(6, s.at(20, ctx), 1e-12);
        current[0] = 8;
        assertEquals(6, s.at(39, ctx), 1e-12);
        assertEquals(12, s.at(40, ctx), 1e-12);
    }

    @Test
    void lambdasBecomeSchedules() {
        assertEquals(0.5, LrSchedule.of((int t) -> 1.0 / (t + 1)).at(1, NONE), 1e-12);
        assertEquals(0.2, LrSchedule.of((double t) -> 0.1 * t).at(2, NONE), 1e-12);
    }

    @Test
    void criticalSchedulesNeedATrainingContext() {
        assertThrows(IllegalArgumentException.class, () -> Schedules.relative(1).at(0, NONE));
    }

    private static LrContext context(double initial, double current) {
        return new LrContext() {
            final Map<Object, Object> state = new HashMap<>();

            @Override public double initialCriticalLr() { return initial; }

            @Override public double currentCriticalLr() { return current; }

            @Override public Map<Object, Object> state() { return state; }
        };
    }
}
