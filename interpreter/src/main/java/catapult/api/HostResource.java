package catapult.api;

import catapult.lang.eval.Interpreter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Something an extension module keeps for one session (the polyglot bridge keeps its GraalVM
 * contexts this way): a {@link Catapult} session closes it when it closes and passes interrupts
 * on, so guest code running inside a Catapult call stops too. This indirection keeps the API
 * free of GraalVM types.
 */
public interface HostResource extends AutoCloseable {
    /** The interpreter host-state key holding the session's resources. */
    String KEY = "catapult.api.resources";

    /** Asks running work to stop; called from the interrupting thread, must not block for long. */
    default void interrupt() {}

    /** Releases the resource; must not throw. */
    @Override void close();

    /** Registers a resource with the interpreter's session. */
    static void register(Interpreter interp, HostResource resource) {
        registered(interp).add(resource);
    }

    /** The session's resources (a thread-safe list, created on first use). */
    @SuppressWarnings("unchecked")
    static List<HostResource> registered(Interpreter interp) {
        return (List<HostResource>) interp.hostState().computeIfAbsent(KEY, k -> new CopyOnWriteArrayList<HostResource>());
    }
}
