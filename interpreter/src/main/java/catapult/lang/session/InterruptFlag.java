package catapult.lang.session;

/**
 * The "please stop" flag of one session, set from any thread (Ctrl-C, a host's interrupt button)
 * and polled by the evaluator at loop back-edges and by long built-ins at each step. A forked
 * session (a sweep worker) also sees its parent's flag, so one Ctrl-C stops every worker.
 */
public final class InterruptFlag {
    private final InterruptFlag parent;
    private volatile boolean requested;

    InterruptFlag(InterruptFlag parent) { this.parent = parent; }

    /** Asks running work to stop at its next check. Safe from any thread. */
    public void request() { requested = true; }

    /** True while a stop was asked for here or in a parent session, or the thread was interrupted. */
    public boolean pending() {
        return requested || (parent != null && parent.pending()) || Thread.currentThread().isInterrupted();
    }

    /** Forgets a request made to this session (not one made to its parent). */
    public void clear() {
        requested = false;
        Thread.interrupted();
    }
}
