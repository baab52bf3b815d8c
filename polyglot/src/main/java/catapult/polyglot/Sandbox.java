package catapult.polyglot;

import java.io.IOException;
import java.io.OutputStream;
import java.util.EnumMap;
import java.util.Map;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.EnvironmentAccess;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotAccess;
import org.graalvm.polyglot.io.IOAccess;
import org.graalvm.polyglot.io.ProcessHandler;

/**
 * What guest code may do, and the engines contexts share. Sandboxed (the default), guest code
 * sees only the objects Catapult binds: no host classes, no file system, no processes, no
 * threads, no environment variables, no network, no native code; every attempt fails with an
 * error the guest can catch. With allowIo it gets files, processes, threads, the environment and
 * Java classes (still no native code).
 *
 * <p>GraalVM's own switches are not enough in 23.1: its deny-all file system and process
 * creation throw SecurityExceptions that GraalPy lets escape past {@code except BaseException},
 * so files go to a {@link DeniedFileSystem} and processes to a handler that fails with an
 * ordinary IOException. GraalPy opens sockets and resolves names through Java's network classes
 * without consulting the context's permissions; its only switch ({@code python.WithoutJavaInet})
 * is read once per JVM, so Catapult turns it on for the whole process before the first Python
 * context and refuses to create a sandboxed Python context if it could not. The rest (the
 * environment GraalPy copies from the process, signals, threads, catchable errors) is closed
 * inside each Python context by the prelude in sandbox.py.
 *
 * <p>GraalVM requires every context of one engine to use the same host-access policy, so each
 * mode has its own engine, created once per JVM and shared by all sessions: a second context on a
 * warm engine starts in a fraction of the first one's time.
 */
final class Sandbox {
    private static final String PYTHON_NETWORK_SWITCH = "python.WithoutJavaInet";
    private static final Map<Mode, Engine> ENGINES = new EnumMap<>(Mode.class);

    static {
        System.setProperty(PYTHON_NETWORK_SWITCH, "true");
    }

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
                    .allowIO(IOAccess.newBuilder().fileSystem(DeniedFileSystem.create()).allowHostSocketAccess(false).build())
                    .allowCreateProcess(true).processHandler(DENIED_PROCESSES)
                    .allowCreateThread(false)
                    .allowEnvironmentAccess(EnvironmentAccess.NONE);
        }
        Context context = b.build();
        if (language == GuestLanguage.PYTHON) checkPythonNetworkClosed(context);
        return context;
    }

    /** Every process a sandboxed guest starts fails like a missing permission would (a catchable OSError). */
    private static final ProcessHandler DENIED_PROCESSES = command -> {
        throw new IOException("creating processes is not allowed for sandboxed guest code (--allow-io)");
    };

    /**
     * GraalPy reads its network switch when its first context starts; if anything started one
     * before this class set it, Python code could open sockets whatever the context says.
     */
    private static void checkPythonNetworkClosed(Context context) {
        if (pythonNetworkClosed()) return;
        context.close();
        throw new IllegalStateException("cannot sandbox Python: GraalPy's network switch (-D" + PYTHON_NETWORK_SWITCH
                + "=true) is not in effect (GraalPy started in this JVM before Catapult set it, or this is not GraalPy 23.1)");
    }

    /** True when GraalPy runs with its Java networking switched off (its option class has read the switch). */
    static boolean pythonNetworkClosed() {
        try {
            Class<?> options = Class.forName("com.oracle.graal.python.runtime.PythonOptions");
            return options.getField("WITHOUT_JAVA_INET").getBoolean(null);
        } catch (ReflectiveOperationException | LinkageError e) {
            return false;   // another GraalPy: fail closed until the sandbox is checked against it
        }
    }

    private static synchronized Engine engine(Mode mode) {
        return ENGINES.computeIfAbsent(mode, m -> Engine.newBuilder()
                .option("engine.WarnInterpreterOnly", "false")
                .build());
    }
}
