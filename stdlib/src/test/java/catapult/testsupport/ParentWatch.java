package catapult.testsupport;

/**
 * For child JVMs that tests start (fuzz runs, saves killed mid-write): the parent holds the
 * child's stdin open, so when the test JVM dies the pipe closes and the child stops too,
 * instead of running on unobserved.
 */
public final class ParentWatch {
    private ParentWatch() {}

    /** Starts a daemon thread that halts this JVM (exit 4) when stdin reaches its end. */
    public static void exitWhenParentDies() {
        Thread watch = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // the parent never writes; read only to notice the end of the pipe
                }
            } catch (java.io.IOException e) {
                // same as the end of the pipe
            }
            Runtime.getRuntime().halt(4);
        }, "parent-watch");
        watch.setDaemon(true);
        watch.start();
    }
}
