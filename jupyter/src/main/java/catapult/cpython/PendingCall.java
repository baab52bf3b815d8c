package catapult.cpython;

import catapult.lang.errors.CatapultError;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * One evaluation submitted to a {@link CPythonHost}'s worker thread. The Python side waits in
 * short slices ({@link #waitFor(long)}) so it can drain output and react to Ctrl-C between them,
 * then reads the value, the Catapult error, or the internal failure.
 */
public final class PendingCall implements Runnable {
    private final Supplier<Object> body;
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile Object value;
    private volatile CatapultError error;
    private volatile Throwable failure;

    PendingCall(Supplier<Object> body) { this.body = body; }

    @Override public void run() {
        try {
            value = body.get();
        } catch (CatapultError e) {
            error = e;
        } catch (RuntimeException | StackOverflowError e) {
            failure = e;
        } finally {
            done.countDown();
        }
    }

    /** Waits up to {@code millis}; true once the call has finished. */
    public boolean waitFor(long millis) throws InterruptedException {
        return done.await(millis, TimeUnit.MILLISECONDS);
    }

    public boolean isDone() { return done.getCount() == 0; }

    /** The language value the call returned (meaningful when it finished without error). */
    public Object value() { return value; }

    /** The user error (with its position), or null. */
    public CatapultError error() { return error; }

    /** An internal error (a bug in Catapult), or null. */
    public Throwable failure() { return failure; }

    /** The failure's stack trace as text, for the bug report the Python side shows. */
    public String failureText() {
        if (failure == null) return "";
        java.io.StringWriter w = new java.io.StringWriter();
        failure.printStackTrace(new java.io.PrintWriter(w));
        return w.toString();
    }
}
