package catapult.polyglot;

import catapult.lang.session.Session;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Stops guest code, which never polls anything itself: one daemon thread per JVM looks every
 * 50 ms at the contexts that are running guest code and
 * <ul>
 *   <li>carries Catapult's interrupt flag (the REPL's Ctrl-C, Session.requestInterrupt) into them,
 *       so a runaway JavaScript or Python loop stops like a Catapult one;</li>
 *   <li>stops calls that ran past the session's guest time limit ({@code --guest-timeout});</li>
 *   <li>runs the {@link GuestMemoryGuard}.</li>
 * </ul>
 * An interrupt raised to stop Catapult work a timed-out guest asked for is not carried into the
 * session's other contexts (a JavaScript host waiting for that Python call should see its error,
 * not be interrupted itself).
 */
final class GuestWatchdog {
    private static final long PERIOD_MS = 50;
    private static final Set<GuestContext> WATCHED = ConcurrentHashMap.newKeySet();
    private static final Set<Session> LIMIT_INTERRUPTS = Collections.synchronizedSet(
            Collections.newSetFromMap(new IdentityHashMap<>()));
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

    /** Marks (or unmarks) a session whose pending interrupt was raised by a guest limit. */
    static void limitInterrupt(Session session, boolean raised) {
        if (raised) LIMIT_INTERRUPTS.add(session); else LIMIT_INTERRUPTS.remove(session);
    }

    private static void check() {
        try {
            long now = System.nanoTime();
            for (GuestContext c : WATCHED) {
                if (!c.runningGuestCode()) continue;
                if (c.session().interruptPending() && !LIMIT_INTERRUPTS.contains(c.session())) c.interrupt();
                c.enforceTimeLimit(now);
            }
            GuestMemoryGuard.check(WATCHED);
        } catch (Throwable t) {
            // keep watching: a failed check (even an OutOfMemoryError) must not end the periodic task
        }
    }
}
