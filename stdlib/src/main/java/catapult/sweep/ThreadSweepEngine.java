package catapult.sweep;

import catapult.lang.errors.CatapultError;
import catapult.lang.errors.RuntimeError;
import catapult.lang.session.Session;
import catapult.lang.value.Record;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a sweep on worker threads of this process ({@code on: "threads"}, the default). Each
 * point runs in its own fork of the sweeping session: the globals the body closes over are
 * shared (read them, copy models before training them), while the random generator, guest
 * contexts and evaluation state are the point's own, so a point computes the same numbers
 * whichever thread runs it and whatever ran before. The threads are kept between sweeps (idle
 * ones end after a minute), so later sweeps find their per-thread engine buffers warm.
 */
public final class ThreadSweepEngine implements SweepEngine {

    /** How often the waiting thread checks whether the sweep should stop. */
    static final long POLL_MILLIS = 50;

    private static final ExecutorService THREADS = Executors.newCachedThreadPool(daemonThreads());

    @Override public boolean accepts(String on) { return "threads".equals(on); }

    @Override
    public void run(SweepTask task) {
        int cores = Runtime.getRuntime().availableProcessors();
        int workers = Math.max(1, Math.min(task.points().size(), task.threads() > 0 ? task.threads() : cores));
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            running.add(THREADS.submit(() -> {
                for (int i; !task.stopping() && (i = next.getAndIncrement()) < task.points().size(); ) {
                    task.report(runPoint(task, task.points().get(i)));
                }
            }));
        }
        for (Future<?> f : running) await(f, task, running);
    }

    /** Waits for one worker; when the sweep stops, interrupts them all (bodies stop at their next check). */
    private static void await(Future<?> f, SweepTask task, List<Future<?>> all) {
        while (true) {
            try {
                f.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
                return;
            } catch (TimeoutException stillRunning) {
                if (task.stopping()) {
                    for (Future<?> g : all) g.cancel(true);
                    return;
                }
            } catch (InterruptedException e) {
                for (Future<?> g : all) g.cancel(true);
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException e) {
                throw new IllegalStateException("a sweep worker thread failed: " + e.getCause(), e.getCause());
            } catch (java.util.concurrent.CancellationException e) {
                return;
            }
        }
    }

    /** The body on one point, in a fresh fork of the sweeping session. */
    static PointOutcome runPoint(SweepTask task, GridPoint p) {
        try (Session worker = task.session().fork()) {
            Object result = worker.call(task.body(), List.of(p.values()), Map.of(), task.site());
            return PointOutcome.done(p.index(), fields(result));
        } catch (CatapultError e) {
            return PointOutcome.failed(p.index(), e);
        } catch (RuntimeException e) {
            return PointOutcome.failed(p.index(), new RuntimeError("sweep: internal error (" + e + ")", task.site()));
        }
    }

    /** A record's fields; any other result becomes {value: result}. */
    public static Map<String, Object> fields(Object result) {
        if (result instanceof Record r) return r.asMap();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("value", result);
        return m;
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
