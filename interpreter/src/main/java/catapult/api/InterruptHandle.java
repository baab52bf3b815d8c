package catapult.api;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An interrupt button the host owns: pass it in {@link Catapult.Options#withInterrupt} and call
 * {@link #interrupt()} from any thread (a UI button, a timeout, a signal handler) to stop the
 * evaluation running in every session created with it, at its next check (loop back-edge,
 * training step). The interrupted call throws a {@link CatapultException} whose message is
 * "interrupted"; the session stays usable.
 */
public final class InterruptHandle {
    private final List<Catapult> sessions = new CopyOnWriteArrayList<>();

    void attach(Catapult session) { sessions.add(session); }

    void detach(Catapult session) { sessions.remove(session); }

    /** Interrupts every attached session; safe to call from any thread. */
    public void interrupt() {
        for (Catapult c : sessions) c.interrupt();
    }
}
