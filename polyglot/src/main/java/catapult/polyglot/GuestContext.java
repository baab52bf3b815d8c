package catapult.polyglot;

import catapult.lang.session.Session;
import java.io.OutputStream;
import java.time.Duration;
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
 */
final class GuestContext implements AutoCloseable {
    /** Source name of the bridge kit, hidden from guest stack traces shown to users. */
    static final String KIT_NAME = "<catapult-kit>";

    private final GuestLanguage language;
    private final Session session;
    private final Context context;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile Thread waitingInHost;
    private final AtomicInteger entered = new AtomicInteger();
    private final GuestValues values;
    private final Value catapultObject;

    GuestContext(GuestLanguage language, Session session, boolean allowIo,
                 OutputStream out, OutputStream err) {
        this.language = language;
        this.session = session;
        this.context = Sandbox.newContext(language, allowIo, out, err);
        Value kit = enter(() -> installKit());
        this.values = new GuestValues(this, kit.getArrayElement(0), kit.getArrayElement(1), kit.getArrayElement(2));
        this.catapultObject = kit.getArrayElement(3);
        enter(() -> {
            context.getBindings(language.id()).putMember("catapult", catapultObject);
            return null;
        });
        GuestWatchdog.watch(this);
    }

    private Value installKit() {
        Value factory = context.eval(Source.newBuilder(language.id(), language.kitSource(), KIT_NAME).buildLiteral());
        if (language == GuestLanguage.PYTHON) context.getBindings(language.id()).removeMember("_catapult_kit");
        return factory.execute(new CatapultObject(this));
    }

    GuestLanguage language() { return language; }

    /** The session guest code calls into (the guest view: files confined to the guest policy). */
    Session session() { return session; }

    GuestValues values() { return values; }

    /** Evaluates guest source text (a js()/python() definition or a host script). */
    Value eval(Source source) {
        return enter(() -> context.eval(source));
    }

    /** Runs body with this context entered by the current thread. */
    <T> T enter(Supplier<T> body) {
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
        try {
            return body.get();
        } finally {
            waitingInHost = previous;
        }
    }

    /** Stops guest code running in this context; the context stays usable. */
    void interrupt() {
        try {
            context.interrupt(Duration.ofMillis(200));
        } catch (TimeoutException | IllegalStateException | PolyglotException e) {
            // nothing running, or it did not stop in time: the Catapult-side interrupt still applies
        }
    }

    @Override public void close() {
        GuestWatchdog.unwatch(this);
        try {
            context.close(true);
        } catch (IllegalStateException | PolyglotException e) {
            // already closed, or closed while running: nothing left to release
        }
    }
}
