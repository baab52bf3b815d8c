package catapult.fuzz;

import catapult.lang.builtins.BuiltinRegistry;
import catapult.lang.errors.CatapultError;
import catapult.lang.session.FileAccess;
import catapult.lang.session.Session;
import catapult.lang.session.SessionSettings;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The process that runs fuzzed programs for {@link FuzzTest}, in a scratch working directory
 * with file access confined to it. Each program runs in a fresh session on a worker thread;
 * after {@code deadlineMillis} the session is interrupted (as Ctrl-C would); a program that takes
 * more than {@code graceMillis} more to stop ignored the interrupt, one still running two minutes
 * later is hung (the child exits). It prints one line per program:
 * {@code START i}, then {@code OK i kind} or {@code FAIL i kind message}; a crash shows as a
 * START without an outcome.
 *
 * <p>Arguments: seed, first index, end index (exclusive), deadline ms, grace ms, corpus directories.
 */
public final class FuzzChild {
    /** A program still running this long after its interrupt is hung: the child gives up on it. */
    private static final long HARD_LIMIT_MS = 120_000;

    private FuzzChild() {}

    public static void main(String[] args) throws Exception {
        catapult.testsupport.ParentWatch.exitWhenParentDies();
        long seed = Long.parseLong(args[0]);
        int from = Integer.parseInt(args[1]);
        int to = Integer.parseInt(args[2]);
        long deadline = Long.parseLong(args[3]);
        long grace = Long.parseLong(args[4]);
        Path[] dirs = Arrays.stream(args).skip(5).map(Path::of).toArray(Path[]::new);
        BuiltinRegistry registry = BuiltinRegistry.standard();
        ScriptMutator mutator = new ScriptMutator(ScriptMutator.catFiles(dirs), registry.names());
        PrintStream report = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));   // native code and stray prints must not mix in
        FileAccess here = FileAccess.confinedTo(List.of(Path.of("").toAbsolutePath()));
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(null, r, "fuzz", 8L << 20));
        warmUp(registry, worker);
        for (int i = from; i < to; i++) {
            report.println("START " + i);
            String program = mutator.program(seed, i);
            Session session = Session.create(registry, SessionSettings.defaults()
                    .withOut(OutputStream.nullOutputStream()).withFiles(here));
            int index = i;
            Future<String> run = worker.submit(() -> outcome(session, program, index));
            String line;
            long t0 = System.nanoTime();
            try {
                line = awaitWithInterrupt(run, session, deadline, HARD_LIMIT_MS);
            } catch (TimeoutException hang) {
                report.println("FAIL " + i + " hang: still running " + HARD_LIMIT_MS + " ms after the interrupt");
                System.exit(3);
                return;
            }
            long millis = (System.nanoTime() - t0) / 1_000_000;
            if (line.startsWith("OK ") && millis > deadline + grace) {
                line = "FAIL " + i + " slow-interrupt: it took " + (millis - deadline) + " ms to stop after the interrupt ("
                        + line.split(" ")[2] + ")";
            } else if (line.startsWith("OK ")) {
                line += " " + millis + "ms";
            }
            report.println(line);
            session.close();
        }
        report.println("DONE");
        System.exit(0);
    }

    /** Loads ND4J's native code before timing anything: the first tensor op of a JVM takes seconds. */
    private static void warmUp(BuiltinRegistry registry, ExecutorService worker) throws Exception {
        try (Session s = Session.create(registry, SessionSettings.defaults().withOut(OutputStream.nullOutputStream()))) {
            worker.submit(() -> s.run("let a = randn(8, 8, seed: 0) @ randn(8, 8, seed: 0)\neigs(a + a.T)", "warmup.cat")).get();
        }
    }

    /**
     * The program's outcome line, interrupting it after {@code deadline} ms and again every 100 ms
     * (an interrupt that lands while the program is still being parsed is dropped, as a second
     * Ctrl-C would repeat it); TimeoutException when it is still running after {@code limit} ms.
     */
    private static String awaitWithInterrupt(Future<String> run, Session session, long deadline, long limit) throws Exception {
        try {
            return run.get(deadline, TimeUnit.MILLISECONDS);
        } catch (TimeoutException slow) {
            long end = System.nanoTime() + limit * 1_000_000;
            while (System.nanoTime() < end) {
                session.requestInterrupt();
                try {
                    return run.get(100, TimeUnit.MILLISECONDS);
                } catch (TimeoutException again) {
                    // still running: interrupt again
                }
            }
            throw slow;
        }
    }

    /** "OK i kind" for a success or a positioned user error, "FAIL i kind message" for anything else. */
    static String outcome(Session session, String program, int i) {
        try {
            session.run(program, "fuzz.cat");
            return "OK " + i + " success";
        } catch (CatapultError e) {
            String problem = problem(e);
            if (problem != null) return "FAIL " + i + " " + problem + ": " + oneLine(e.format());
            return "OK " + i + " " + e.getClass().getSimpleName();
        } catch (Throwable t) {
            StackTraceElement[] st = t.getStackTrace();
            String where = st.length == 0 ? "" : " at " + st[0];
            return "FAIL " + i + " leaked " + t.getClass().getName() + ": " + oneLine(String.valueOf(t.getMessage())) + where;
        }
    }

    /** What is wrong with a user error, or null: it must be positioned and not an internal error. */
    private static String problem(CatapultError e) {
        if (e.getMessage() != null && e.getMessage().contains("internal error")) return "internal-error";
        if (e.span() == null || e.span().line() < 1) return "unpositioned";
        return null;
    }

    private static String oneLine(String s) {
        String flat = s.replace('\n', ' ').replace('\r', ' ');
        return flat.length() > 300 ? flat.substring(0, 300) + "..." : flat;
    }
}
