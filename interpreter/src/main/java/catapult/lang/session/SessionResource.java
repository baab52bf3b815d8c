package catapult.lang.session;

/**
 * Something an extension module opens for one session (the polyglot bridge's GraalVM contexts):
 * the session passes interrupts on to it, so guest code running inside a Catapult call stops
 * too, and closes it on reset and close. This keeps the session free of extension types.
 */
public interface SessionResource extends AutoCloseable {
    /** Asks running work to stop; called from the interrupting thread, must not block for long. */
    default void interrupt() {}

    /** Releases the resource; must not throw. */
    @Override void close();
}
