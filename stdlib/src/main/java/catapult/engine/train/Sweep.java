package catapult.engine.train;

import catapult.engine.table.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * Runs an experiment body once per point of a grid (the Cartesian product of named value lists)
 * on a pool of threads and collects one table row per point, in grid order: the point's keys
 * followed by the fields the body returned.
 *
 * <p>Thread safety: bodies run concurrently, so each must build its own models, data and
 * optimizers (or only read shared ones). ND4J operations are safe on distinct arrays; a model
 * must never be trained by two bodies at once — {@link catapult.engine.models.Model#copy()} it.
 * Global ND4J settings (default data type) are shared by all bodies.
 */
public final class Sweep {

    /** How often a waiting sweep polls its interrupt check. */
    static final long POLL_MILLIS = 50;

    private Sweep() {}

    /** All grid points in order: the first key varies slowest, like nested for loops. */
    public static List<Map<String, Object>> points(Map<String, ? extends List<?>> grid) {
        List<Map<String, Object>> points = new ArrayList<>();
        points.add(new LinkedHashMap<>());
        for (Map.Entry<String, ? extends List<?>> axis : grid.entrySet()) {
            if (axis.getValue().isEmpty()) throw new IllegalArgumentException("sweep: grid key '" + axis.getKey() + "' has no values");
            List<Map<String, Object>> next = new ArrayList<>();
            for (Map<String, Object> p : points) {
                for (Object v : axis.getValue()) {
                    Map<String, Object> q = new LinkedHashMap<>(p);
                    q.put(axis.getKey(), v);
                    next.add(q);
                }
            }
            points = next;
        }
        return points;
    }

    /** Runs without progress reports; {@code threads <= 0} uses every core. */
    public static Table run(Map<String, ? extends List<?>> grid, Function<Map<String, Object>, ? extends Map<String, ?>> body,
                            int threads) {
        return run(grid, body, threads, ProgressListener.NONE);
    }

    /**
     * Runs the body on every point. The first failing point (in grid order) cancels the rest and
     * its exception propagates. If the calling thread is interrupted, running bodies are
     * interrupted and the table holds the points that had finished.
     */
    public static Table run(Map<String, ? extends List<?>> grid, Function<Map<String, Object>, ? extends Map<String, ?>> body,
                            int threads, ProgressListener progress) {
        return run(grid, body, threads, progress, () -> false);
    }

    /**
     * As above; {@code interrupt} is polled while waiting (every {@link #POLL_MILLIS} ms): when it
     * holds, the workers are interrupted (a training run inside a body then stops and keeps its
     * partial result) and the table holds the points that had finished.
     */
    public static Table run(Map<String, ? extends List<?>> grid, Function<Map<String, Object>, ? extends Map<String, ?>> body,
                            int threads, ProgressListener progress, BooleanSupplier interrupt) {
        List<Map<String, Object>> points = points(grid);
        int poolSize = Math.max(1, Math.min(points.size(), threads > 0 ? threads : Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(poolSize, daemonThreads());
        ProgressThrottle throttle = new ProgressThrottle(progress, "sweep");
        AtomicInteger done = new AtomicInteger();
        try {
            List<Future<Map<String, Object>>> futures = new ArrayList<>();
            for (Map<String, Object> p : points) {
                if (interrupt.getAsBoolean()) break;   // a huge grid takes seconds to submit: Ctrl-C stops that too
                futures.add(pool.submit(() -> {
                    Map<String, Object> row = rowOf(p, body.apply(java.util.Collections.unmodifiableMap(new LinkedHashMap<>(p))));
                    synchronized (throttle) {
                        int d = done.incrementAndGet();
                        throttle.report(d, points.size(), Double.NaN, Double.NaN, Double.NaN, d == points.size());
                    }
                    return row;
                }));
            }
            return Table.of(collect(futures, pool, interrupt)).withKeys(grid.keySet());
        } finally {
            pool.shutdownNow();
        }
    }

    private static Map<String, Object> rowOf(Map<String, Object> point, Map<String, ?> result) {
        Map<String, Object> row = new LinkedHashMap<>(point);
        if (result != null) row.putAll(result);
        return row;
    }

    private static List<Map<String, Object>> collect(List<Future<Map<String, Object>>> futures, ExecutorService pool,
                                                     BooleanSupplier interrupt) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Future<Map<String, Object>> f : futures) {
            try {
                Map<String, Object> row = await(f, interrupt);
                if (row == null) {
                    pool.shutdownNow();
                    return finishedRows(futures);
                }
                rows.add(row);
            } catch (InterruptedException e) {
                pool.shutdownNow();
                Thread.currentThread().interrupt();
                return finishedRows(futures);
            } catch (ExecutionException e) {
                pool.shutdownNow();
                throw unwrap(e.getCause());
            }
        }
        return rows;
    }

    /** f's result, polling the interrupt check while waiting; null once the check holds. */
    private static Map<String, Object> await(Future<Map<String, Object>> f, BooleanSupplier interrupt)
            throws InterruptedException, ExecutionException {
        while (true) {
            if (interrupt.getAsBoolean()) return null;
            try {
                return f.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException stillRunning) {
                // poll the interrupt check again
            }
        }
    }

    private static List<Map<String, Object>> finishedRows(List<Future<Map<String, Object>>> futures) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Future<Map<String, Object>> f : futures) {
            if (!f.isDone() || f.isCancelled()) continue;
            try {
                rows.add(f.get());
            } catch (ExecutionException | CancellationException | InterruptedException ignored) {
                // an unfinished or failed point has no row in a partial result
            }
        }
        return rows;
    }

    private static RuntimeException unwrap(Throwable cause) {
        if (cause instanceof RuntimeException r) return r;
        if (cause instanceof Error e) throw e;
        return new IllegalStateException("sweep body failed: " + cause, cause);
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "catapult-sweep-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
