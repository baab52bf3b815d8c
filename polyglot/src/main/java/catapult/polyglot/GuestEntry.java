package catapult.polyglot;

import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * One call from Catapult into guest code, as the limits see it: the outermost entry of a thread
 * into a context (a js()/python() definition or function call, or a whole host script; guest code
 * that calls Catapult which calls back into the same context stays inside it). It knows its
 * deadline, how much the thread has allocated since it began, whether the thread is inside a
 * Catapult call right now, and why it was stopped, if it was.
 */
final class GuestEntry {
    private static final java.lang.management.ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Thread thread;
    private final long deadline;            // System.nanoTime(); Long.MAX_VALUE for no limit
    private final long allocatedAtStart;
    private volatile int hostDepth;
    private volatile GuestLimitExceeded stop;
    private volatile boolean sessionInterrupted;

    /** The entry the current thread is making now. */
    GuestEntry(Duration timeLimit) {
        this.thread = Thread.currentThread();
        this.deadline = timeLimit == null ? Long.MAX_VALUE : System.nanoTime() + timeLimit.toNanos();
        this.allocatedAtStart = THREADS instanceof com.sun.management.ThreadMXBean t && t.isThreadAllocatedMemoryEnabled()
                ? t.getCurrentThreadAllocatedBytes() : 0;
    }

    Thread thread() { return thread; }

    boolean pastDeadline(long now) { return deadline != Long.MAX_VALUE && now - deadline > 0; }

    /** Bytes the entry's thread allocated since the entry began (garbage included); 0 where the JVM cannot tell. */
    long allocatedSinceStart() { return allocated() - allocatedAtStart; }

    private long allocated() {
        if (THREADS instanceof com.sun.management.ThreadMXBean t && t.isThreadAllocatedMemoryEnabled()) {
            return t.getThreadAllocatedBytes(thread.getId());
        }
        return 0;
    }

    /** The thread is running a Catapult call made by guest code (the guest's catapult object). */
    boolean inHost() { return hostDepth > 0; }

    void enterHost() { hostDepth++; }

    void leaveHost() { hostDepth--; }

    /** Why the entry was stopped, or null. */
    GuestLimitExceeded stop() { return stop; }

    void stop(GuestLimitExceeded reason) {
        if (stop == null) stop = reason;
    }

    /** The session's interrupt flag was raised to stop Catapult work this entry asked for. */
    boolean sessionInterrupted() { return sessionInterrupted; }

    void markSessionInterrupted() { sessionInterrupted = true; }
}
