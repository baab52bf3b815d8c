package catapult.polyglot;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Carries Catapult's interrupt flag (the REPL's Ctrl-C, Session.requestInterrupt) into guest
 * code, which never polls it: one daemon thread per JVM looks every 50 ms at the contexts that are
 * running guest code and interrupts those whose interpreter has an interrupt pending, so a
 * runaway JavaScript or Python loop stops like a Catapult one.
 */
final class GuestWatchdog {
    private static final long PERIOD_MS = 50;
    private static final Set<GuestContext> WATCHED = ConcurrentHashMap.newKeySet();
    private static ScheduledExecutorService timer;

    private GuestWatchdog() {}

    static synchronized void watch(GuestContext context) {
        WATCHED.add(context);
        if (timer == null) {
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "catapult-guest-watchdog");
                t.setDaemon(true);
                return t;
            });
            timer.scheduleWithFixedDelay(GuestWatchdog::check, PERIOD_MS, PERIOD_MS, TimeUnit.MILLISECONDS);
        }
    }

    static void unwatch(GuestContext context) { WATCHED.remove(context); }

    private static void check() {
        for (GuestContext c : WATCHED) {
            if (c.runningGuestCode() && c.session().interruptPending()) c.interrupt();
        }
    }
}
