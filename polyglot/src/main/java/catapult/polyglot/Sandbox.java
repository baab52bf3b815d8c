package catapult.polyglot;

import java.io.OutputStream;
import java.util.EnumMap;
import java.util.Map;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.EnvironmentAccess;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotAccess;
import org.graalvm.polyglot.io.IOAccess;

/**
 * What guest code may do, and the engines contexts share. Sandboxed (the default), guest code
 * sees only the objects Catapult binds: no host classes, no file system, no processes, no
 * threads, no environment variables, no native code. With allowIo it gets files, processes,
 * threads, the environment and Java classes (still no native code). GraalVM requires every
 * context of one engine to use the same host-access policy, so each mode has its own engine,
 * created once per JVM and shared by all sessions: a second context on a warm engine starts in
 * a fraction of the first one's time.
 */
final class Sandbox {
    private static final Map<Mode, Engine> ENGINES = new EnumMap<>(Mode.class);

    private enum Mode { SANDBOXED, ALLOW_IO }

    private Sandbox() {}

    /** A context for one guest language with the session's streams and permissions. */
    static Context newContext(GuestLanguage language, boolean allowIo, OutputStream out, OutputStream err) {
        Context.Builder b = Context.newBuilder(language.id())
                .engine(engine(allowIo ? Mode.ALLOW_IO : Mode.SANDBOXED))
                .out(out).err(err)
                .allowPolyglotAccess(PolyglotAccess.NONE)
                .allowNativeAccess(false);
        if (allowIo) {
            b.allowHostAccess(HostAccess.ALL).allowHostClassLookup(name -> true)
                    .allowIO(IOAccess.ALL).allowCreateProcess(true).allowCreateThread(true)
                    .allowEnvironmentAccess(EnvironmentAccess.INHERIT);
        } else {
            b.allowHostAccess(HostAccess.NONE).allowHostClassLookup(name -> false)
                    .allowIO(IOAccess.NONE).allowCreateProcess(false).allowCreateThread(false)
                    .allowEnvironmentAccess(EnvironmentAccess.NONE);
        }
        return b.build();
    }

    private static synchronized Engine engine(Mode mode) {
        return ENGINES.computeIfAbsent(mode, m -> Engine.newBuilder()
                .option("engine.WarnInterpreterOnly", "false")
                .build());
    }
}
