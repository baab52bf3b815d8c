package catapult.cpython;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Repeats an interrupt request until the evaluation it is meant for has ended. A session forgets
 * a request when it starts running code (so a stale one cannot stop the next evaluation), which
 * means a Ctrl-C or interrupt button pressed just before the code starts would be lost; asking
 * again every few milliseconds until that evaluation is done makes it land.
 */
public final class InterruptRepeater {
    private static final long EVERY_MS = 20;
    private static final long GIVE_UP_MS = 10_000;
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "catapult-interrupt");
        t.setDaemon(true);
        return t;
    });

    private InterruptRepeater() {}

    /** Calls {@code request} now and then every 20 ms until {@code done} holds (at most 10 s). */
    public static void until(Runnable request, BooleanSupplier done) {
        request.run();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(GIVE_UP_MS);
        ScheduledFuture<?>[] self = new ScheduledFuture<?>[1];
        synchronized (self) {
            self[0] = TIMER.scheduleAtFixedRate(() -> {
                if (done.getAsBoolean() || System.nanoTime() > deadline) {
                    synchronized (self) {
                        self[0].cancel(false);
                    }
                } else {
                    request.run();
                }
            }, EVERY_MS, EVERY_MS, TimeUnit.MILLISECONDS);
        }
    }
}
