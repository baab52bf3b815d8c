package catapult.polyglot;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Collection;

/**
 * The memory limit for guest code. GraalVM's per-context heap limits (sandbox.MaxHeapMemory) are
 * not in the community edition, so this guard watches the whole Java heap instead: while guest
 * code runs, whenever the heap holds more than the limit (80% of the maximum heap, -Xmx) it runs
 * a full garbage collection (at most once a second) and, if the heap is still over the limit,
 * stops the running guest call whose thread allocated the most since it began. That call fails
 * with "guest code exceeded its memory limit" and its context is discarded, which frees what the
 * guest held; the session goes on with a fresh context. Catapult's tensors live outside the Java
 * heap and do not count; Catapult's own heap data does, so the guard is a backstop against a
 * guest exhausting the JVM rather than a per-guest quota. Checked by {@link GuestWatchdog}.
 */
final class GuestMemoryGuard {
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
    private static final long GC_INTERVAL_NS = 1_000_000_000L;
    private static volatile long limit = (long) (0.8 * Runtime.getRuntime().maxMemory());
    private static long lastGc = System.nanoTime() - GC_INTERVAL_NS;

    private GuestMemoryGuard() {}

    /** The heap size above which guest code is stopped, in bytes. */
    static long limit() { return limit; }

    /** Changes the limit (tests use a small one instead of filling 80% of the heap). */
    static void setLimit(long bytes) { limit = bytes; }

    /** One check, from the watchdog thread. */
    static void check(Collection<GuestContext> contexts) {
        if (contexts.stream().noneMatch(GuestContext::runningGuestCode) || heapUsed() <= limit) return;
        long now = System.nanoTime();
        if (now - lastGc < GC_INTERVAL_NS) return;
        System.gc();
        lastGc = System.nanoTime();
        long used = heapUsed();
        if (used > limit) stopLargestAllocator(contexts, used);
    }

    private static void stopLargestAllocator(Collection<GuestContext> contexts, long used) {
        GuestContext worst = null;
        GuestEntry worstEntry = null;
        for (GuestContext c : contexts) {
            for (GuestEntry e : c.entries()) {
                if (e.stop() == null && (worstEntry == null || e.allocatedSinceStart() > worstEntry.allocatedSinceStart())) {
                    worst = c;
                    worstEntry = e;
                }
            }
        }
        if (worst != null) worst.stop(worstEntry, GuestLimitExceeded.memory(used, limit, worst.language()));
    }

    private static long heapUsed() { return MEMORY.getHeapMemoryUsage().getUsed(); }
}
