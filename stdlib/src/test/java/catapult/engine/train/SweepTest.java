package catapult.engine.train;

import catapult.engine.table.Table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class SweepTest {

    private static Map<String, List<?>> grid() {
        Map<String, List<?>> g = new LinkedHashMap<>();
        g.put("lr", List.of(0.1, 0.2));
        g.put("seed", List.of(0, 1, 2));
        return g;
    }

    @Test
    void oneRowPerPointInGridOrder() {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        Table t = Sweep.run(grid(), p -> {
            threads.add(Thread.currentThread().getName());
            sleep(20L * (3 - (Integer) p.get("seed")));
            return Map.of("score", (Double) p.get("lr") * 10 + (Integer) p.get("seed"));
        }, 2);
        assertEquals(List.of("lr", "seed", "score"), t.columns());
        assertEquals(List.of(0.1, 0.1, 0.1, 0.2, 0.2, 0.2), t.col("lr"));
        assertEquals(List.of(0, 1, 2, 0, 1, 2), t.col("seed"));
        assertEquals(List.of(1.0, 2.0, 3.0, 2.0, 3.0, 4.0), t.col("score"));
        assertEquals(2, threads.size(), "ran on two threads");
    }

    @Test
    void firstFailureInGridOrderPropagates() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Sweep.run(grid(), p -> {
            if ((Integer) p.get("seed") == 1) throw new IllegalArgumentException("bad seed " + p.get("seed") + " at " + p.get("lr"));
            return Map.of();
        }, 2));
        assertEquals("bad seed 1 at 0.1", e.getMessage());
    }

    @Test
    void progressCountsPoints() {
        List<Progress> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        Sweep.run(grid(), p -> Map.of("x", 1), 1, seen::add);
        Progress last = seen.get(seen.size() - 1);
        assertTrue(last.finished());
        assertEquals(6, last.done());
        assertEquals(6, last.total());
    }

    @Test
    void interruptKeepsTheFinishedPoints() {
        long start = System.nanoTime();
        Table t = Sweep.run(grid(), p -> {
            sleep(100);
            return Map.of("done", true);
        }, 1, ProgressListener.NONE, () -> System.nanoTime() - start > 250_000_000L);
        assertTrue(t.size() >= 1 && t.size() < 6, "partial table of " + t.size() + " rows");
        assertEquals(List.of(0.1, 0), List.of(t.row(0).get("lr"), t.row(0).get("seed")), "rows in grid order");
    }

    @Test
    void emptyAxisIsAnError() {
        Map<String, List<?>> g = new LinkedHashMap<>();
        g.put("lr", List.of());
        assertThrows(IllegalArgumentException.class, () -> Sweep.run(g, p -> Map.of(), 1));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
