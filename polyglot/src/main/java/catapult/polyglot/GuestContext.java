package catapult.polyglot;

import catapult.lang.session.Session;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/**
 * One guest language's GraalVM context inside one Catapult session: created on first use,
 * reused for every later js()/python() call and guest script, closed with the session. It
 * binds the guest-side `catapult` object and keeps the bridge kit (native list and record
 * constructors, the error raiser) that {@link GuestValues} converts with.
 *
 * <p>JavaScript contexts admit one thread at a time, so every entry takes a lock (Python
 * contexts admit many, serialized by GraalPy's own global lock); a thread that
 * would wait on JavaScript code that is itself waiting inside a Catapult call (a parallel sweep
 * started from a JS host) fails fast instead of deadlocking.
 *
 * <p>Each outermost entry of a thread is a {@link GuestEntry}: the watchdog stops it at the
 * session's guest time limit or when the memory guard picks it, and the entry then ends with
 * {@link GuestLimitExceeded}; a context stopped for memory is closed (the session makes a new one).
 */
final class GuestContext implements AutoCloseable {
    /** Source name of the bridge kit, hidden from guest stack traces shown to users. */
    static final String KIT_NAME = "<catapult-kit>";

    private final GuestLanguage language;
    private final Session session;
    private volatile Context context;        // null once closed, so a closed context's heap is released
    private final ReentrantLock lock = new ReentrantLock();
    private volatile Thread waitingInHost;
    private final AtomicInteger entered = new AtomicInteger();
    private final Map<Thread, GuestEntry> entries = new ConcurrentHashMap<>();
    private volatile boolean closed;
    private volatile GuestValues values;
    private final Set<GuestFunction> functions = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    GuestContext(GuestLanguage language, Session session, boolean allowIo,
                 OutputStream out, OutputStream err) {
        this.language = language;
        this.session = session;
        this.context = Sandbox.newContext(language, allowIo, out, err);
        Value kit = enter(() -> installKit(allowIo));
        this.values = new GuestValues(this, kit.getArrayElement(0), kit.getArrayElement(1), kit.getArrayElement(2));
        Value catapultObject = kit.getArrayElement(3);
        enter(() -> {
            context.getBindings(language.id()).putMember("catapult", catapultObject);
            return null;
        });
        GuestWatchdog.watch(this);
    }

    private Value installKit(boolean allowIo) {
        Value factory = context.eval(Source.newBuilder(language.id(), language.kitSource(), KIT_NAME).buildLiteral());
        if (language == GuestLanguage.PYTHON) context.getBindings(language.id()).removeMember("_catapult_kit");
        Value kit = factory.execute(new CatapultObject(this));
        String sandbox = language.sandboxSource();
        if (sandbox != null) {
            context.eval(Source.newBuilder(language.id(), sandbox, KIT_NAME).buildLiteral()).execute(allowIo);
            context.getBindings(language.id()).removeMember("_catapult_sandbox");
            context.getBindings(language.id()).removeMember("_SubprocessWithoutSelect");
        }
        return kit;
    }

    GuestLanguage language() { return language; }

    /** The session guest code calls into (the guest view: files confined to the guest policy). */
    Session session() { return session; }

    GuestValues values() {
        GuestValues v = values;
        if (v == null) throw closedError();
        return v;
    }

    /** Evaluates guest source text (a js()/python() definition or a host script). */
    Value eval(Source source) {
        return enter(() -> {
            Context c = context;
            if (c == null) throw closedError();
            return c.eval(source);
        });
    }

    /** Remembers a guest function handed to Catapult, so closing the context can release its value. */
    void track(GuestFunction f) { functions.add(f); }

    private IllegalStateException closedError() {
        return new IllegalStateException("the " + language.displayName() + " context was closed");
    }

    /**
     * Runs body with this context entered by the current thread. The outermost entry of a thread
     * runs under the guest limits: stopped by one, it throws {@link GuestLimitExceeded}.
     */
    <T> T enter(Supplier<T> body) {
        if (closed) throw closedError();
        Thread thread = Thread.currentThread();
        if (entries.containsKey(thread)) return entered(body);
        GuestEntry entry = new GuestEntry(session.settings().guestTimeout());
        entries.put(thread, entry);
        try {
            return entered(body);
        } catch (RuntimeException e) {
            throw entry.stop() != null ? entry.stop() : e;
        } finally {
            entries.remove(thread);
            if (entry.stop() != null) afterStop(entry);
        }
    }

    private <T> T entered(Supplier<T> body) {
        entered.incrementAndGet();
        try {
            return language.singleThreaded() ? locked(body) : body.get();
        } finally {
            entered.decrementAndGet();
        }
    }

    /** True while some thread is inside this context (running guest code, or Catapult code it called). */
    boolean runningGuestCode() {
        return entered.get() > 0;
    }

    private <T> T locked(Supplier<T> body) {
        if (!lock.tryLock()) {
            if (waitingInHost != null && waitingInHost != Thread.currentThread()) {
                throw new IllegalStateException(language.displayName() + " code cannot run on this thread while "
                        + language.displayName() + " code on another thread is waiting for Catapult "
                        + "(a parallel sweep started from a guest script?); use a Catapult function here");
            }
            lock.lock();
        }
        try {
            return body.get();
        } finally {
            lock.unlock();
        }
    }

    /** Runs a Catapult call made by guest code, marking this thread as waiting in the host. */
    <T> T inHost(Supplier<T> body) {
        Thread previous = waitingInHost;
        waitingInHost = Thread.currentThread();
        GuestEntry entry = entries.get(waitingInHost);
        if (entry != null) entry.enterHost();
        try {
            return body.get();
        } finally {
            if (entry != null) entry.leaveHost();
            waitingInHost = previous;
        }
    }

    /** The running outermost entries (one per thread inside this context). */
    Collection<GuestEntry> entries() { return entries.values(); }

    /** Stops the entries that ran past the session's time limit, and keeps stopping stopped ones until they end. */
    void enforceTimeLimit(long now) {
        for (GuestEntry e : entries.values()) {
            if (e.stop() == null && e.pastDeadline(now)) e.stop(GuestLimitExceeded.time(session.settings().guestTimeout()));
            if (e.stop() != null) stopNow(e);
        }
    }

    /** Stops a running entry for a reason: its guest code is interrupted, and so is Catapult work it is waiting for. */
    void stop(GuestEntry entry, GuestLimitExceeded reason) {
        entry.stop(reason);
        stopNow(entry);
    }

    private void stopNow(GuestEntry entry) {
        if (entry.inHost()) {
            entry.markSessionInterrupted();
            GuestWatchdog.limitInterrupt(session, true);
            session.interrupts().request();
        }
        interrupt();
    }

    /** After a stopped entry ended: withdraw the interrupt it raised; a memory stop discards the context. */
    private void afterStop(GuestEntry entry) {
        if (entry.sessionInterrupted()) {
            session.interrupts().clear();
            GuestWatchdog.limitInterrupt(session, false);
        }
        if (entry.stop().memory()) close();
    }

    /** True once closed (with its session, or discarded by the memory guard). */
    boolean isClosed() { return closed; }

    /** Stops guest code running in this context; the context stays usable. */
    void interrupt() {
        Context c = context;
        if (c == null) return;
        try {
            c.interrupt(Duration.ofMillis(200));
        } catch (TimeoutException | IllegalStateException | PolyglotException e) {
            // nothing running, or it did not stop in time: the Catapult-side interrupt still applies
        }
    }

    /**
     * Closes the context and drops every reference Catapult keeps into it (its bridge values, the
     * guest functions handed out), so the memory the guest held is freed even while Catapult
     * values still name those functions; calling one then fails with a clear error.
     */
    @Override public void close() {
        closed = true;
        GuestWatchdog.unwatch(this);
        Context c = context;
        context = null;
        values = null;
        synchronized (functions) {
            for (GuestFunction f : functions) f.release();
            functions.clear();
        }
        if (c == null) return;
        try {
            c.close(true);
        } catch (IllegalStateException | PolyglotException e) {
            // already closed, or closed while running: nothing left to release
        }
    }
}
