package catapult.lang.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import catapult.lang.errors.CatapultError;
import catapult.lang.errors.Interrupted;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Session session = Session.standard(SessionSettings.defaults().withOut(out).withErr(err));

    @TempDir Path dir;

    @Test
    void globalsLastAcrossEntriesAndResetForgetsThemButKeepsSettings() {
        session.run("let x = 41", "<1>");
        assertEquals(42.0, session.run("x + 1", "<2>"));
        session.reset();
        assertFalse(session.hasGlobal("x"));
        session.run("print(\"still here\")", "<3>");
        assertTrue(out.toString().contains("still here"));
    }

    @Test
    void resetAndCloseCloseRegisteredResourcesAndInterruptsReachThem() {
        AtomicInteger closed = new AtomicInteger(), interrupted = new AtomicInteger();
        SessionResource r = new SessionResource() {
            @Override public void interrupt() { interrupted.incrementAndGet(); }
            @Override public void close() { closed.incrementAndGet(); }
        };
        session.register(r);
        session.requestInterrupt();
        assertEquals(1, interrupted.get());
        session.reset();
        assertEquals(1, closed.get());
        session.register(r);
        session.close();
        assertEquals(2, closed.get());
    }

    @Test
    void aForkSeesTheGlobalsHasItsOwnEvaluatorAndExtensionsAndStopsWithItsParent() {
        session.run("let base = 10\nfn add(x) = x + base", "<defs>");
        Session worker = session.fork();
        assertNotSame(session.evaluator(), worker.evaluator());
        assertEquals(15.0, worker.call((catapult.lang.value.CatFunction) worker.getGlobal("add"), List.of(5.0), Map.of(), null));
        session.putExtension(String.class, "terminal");
        assertEquals(null, worker.extension(String.class), "a worker draws no progress of its own");
        session.requestInterrupt();
        assertTrue(worker.interruptPending());
        worker.interrupts().clear();
        assertTrue(worker.interruptPending(), "clearing a fork does not clear its parent");
        session.interrupts().clear();
        assertFalse(worker.interruptPending());
        worker.requestInterrupt();
        assertFalse(session.interruptPending(), "a worker's own interrupt stays with the worker");
        worker.close();
        assertTrue(session.hasGlobal("base"), "closing a worker keeps the parent's globals");
    }

    @Test
    void guestViewSharesStateButReadsNoFileWhileTheUsersCodeMay() throws Exception {
        Path lib = dir.resolve("lib.cat");
        Files.writeString(lib, "let from_lib = 7\n");
        Session guest = session.guestView();
        CatapultError denied = assertThrows(CatapultError.class, () -> guest.run("import \"" + lib + "\"", "<guest>"));
        assertTrue(denied.format().contains("not allowed for code from a sandboxed guest language"), denied.format());
        assertTrue(denied.format().startsWith("<guest>:1:1: "), denied.format());
        session.run("import \"" + lib + "\"", "<user>");
        assertEquals(7.0, guest.run("from_lib", "<guest>"), "a guest view sees the same globals");
    }

    @Test
    void guestFilesConfinedToAllowedDirectoriesEvenThroughSymbolicLinks() throws Exception {
        Path allowed = Files.createDirectory(dir.resolve("allowed"));
        Path outside = Files.createDirectory(dir.resolve("outside"));
        Files.writeString(outside.resolve("secret.cat"), "let secret = 1\n");
        Files.writeString(allowed.resolve("ok.cat"), "let ok = 2\n");
        Files.createSymbolicLink(allowed.resolve("link.cat"), outside.resolve("secret.cat"));
        Session s = Session.standard(SessionSettings.defaults().withOut(out)
                .withGuestFiles(FileAccess.confinedTo(List.of(allowed)))).guestView();
        assertEquals(2.0, s.run("import \"" + allowed.resolve("ok.cat") + "\"\nok", "<g>"));
        assertThrows(CatapultError.class, () -> s.run("import \"" + outside.resolve("secret.cat") + "\"", "<g>"));
        assertThrows(CatapultError.class, () -> s.run("import \"" + allowed.resolve("link.cat") + "\"", "<g>"));
        assertThrows(CatapultError.class, () -> s.run("import \"" + allowed.resolve("../outside/secret.cat") + "\"", "<g>"));
    }

    @Test
    void inTheReplAnInterruptEndsTheEntry() {
        session.requestInterrupt();
        session.interrupts().clear();
        Thread t = new Thread(() -> {
            sleep(200);
            session.requestInterrupt();
        });
        t.start();
        assertThrows(Interrupted.class, () -> session.run("let i = 0\nwhile true { i = i + 1 }\nprint(\"after\")", "<repl>"));
        assertFalse(out.toString().contains("after"));
        assertFalse(session.interruptPending(), "the interrupt is used up by the entry it ended");
    }

    @Test
    void inCatapultRunAnInterruptStopsTheLoopAndTheScriptGoesOn() {
        Session script = Session.standard(SessionSettings.defaults().withOut(out).withErr(err)
                .withInterruptMode(InterruptMode.STOP_CURRENT_WORK));
        Thread t = new Thread(() -> {
            sleep(200);
            script.requestInterrupt();
        });
        t.start();
        script.run("let i = 0\nwhile true { i = i + 1 }\nprint(\"after\", i > 0)", "loop.cat");
        assertTrue(out.toString().contains("after true"), out.toString());
        assertTrue(err.toString().contains("interrupted: the loop (loop.cat:2:1) stopped early"), err.toString());
    }

    @Test
    void anInterruptedComprehensionKeepsItsElementsInCatapultRun() {
        Session script = Session.standard(SessionSettings.defaults().withOut(out).withErr(err)
                .withInterruptMode(InterruptMode.STOP_CURRENT_WORK));
        new Thread(() -> {
            sleep(200);
            script.requestInterrupt();
        }).start();
        Object n = script.run("let xs = [i for i in 0..100000000]\nlen(xs)", "c.cat");
        double count = (Double) n;
        assertTrue(count > 0 && count < 100000001, "partial list: " + count);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
