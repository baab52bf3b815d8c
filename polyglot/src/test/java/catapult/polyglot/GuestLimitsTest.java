package catapult.polyglot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import catapult.lang.errors.CatapultError;
import catapult.lang.session.Session;
import catapult.lang.session.SessionSettings;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Time and memory limits for guest code, with real GraalJS and GraalPy contexts: an endless loop
 * in js()/python(), in Catapult work a guest asked for, or in a host script stops at the session's
 * guest time limit with a positioned error, and the session stays usable; a guest filling the
 * heap is stopped by the memory guard and its context discarded. One session with a 1 s limit is
 * shared by the time-limit tests, so each language's context starts once.
 */
@Timeout(180)
class GuestLimitsTest {
    private static final Duration LIMIT = Duration.ofSeconds(1);
    private static final long SLACK_NS = Duration.ofSeconds(30).toNanos();   // a loaded CI box; the stop itself takes ~0.1 s
    private static final ByteArrayOutputStream SINK = new ByteArrayOutputStream();
    private static Session session;

    @BeforeAll
    static void start() {
        session = Session.standard(SessionSettings.defaults().withOut(SINK).withErr(SINK).withGuestTimeout(LIMIT));
    }

    @AfterAll
    static void stop() {
        session.close();
    }

    /** Runs the code, which must fail; returns the first line of its diagnostic, checking how long it took. */
    private static String stoppedAfterTheLimit(String code) {
        long start = System.nanoTime();
        CatapultError e = assertThrows(CatapultError.class, () -> session.run(code, "limit.cat"));
        long took = System.nanoTime() - start;
        assertTrue(took >= LIMIT.toNanos() && took < LIMIT.toNanos() + SLACK_NS, "stopped after " + took / 1e9 + " s");
        return e.format().lines().findFirst().orElse("");
    }

    @Test
    void anEndlessJavaScriptLoopStopsAtTheTimeLimitAndTheSessionGoesOn() {
        session.run("let inc = js(\"x => x + 1\")", "setup.cat");
        assertEquals("limit.cat:1:1: js function: guest code exceeded its time limit of 1 s",
                stoppedAfterTheLimit("js(\"() => { for (;;) {} }\")()"));
        assertEquals(3.0, session.run("inc(2)", "after.cat"));
    }

    @Test
    void anEndlessPythonLoopStopsEvenWhenItCatchesEverything() {
        session.run("let double = python(\"lambda x: x * 2\")", "setup.cat");
        assertEquals("limit.cat:1:1: python function: guest code exceeded its time limit of 1 s",
                stoppedAfterTheLimit("python(\"\n  def spin():\n      while True:\n          try:\n"
                        + "              while True: pass\n          except BaseException:\n              pass\n  spin\n\")()"));
        assertEquals(42.0, session.run("double(21)", "after.cat"));
        assertTrue(stoppedAfterTheLimit("python(\"lambda: __import__('time').sleep(600)\")()").contains("time limit of 1 s"));
    }

    @Test
    void catapultWorkAGuestAskedForStopsWithIt() {
        assertTrue(stoppedAfterTheLimit("js(\"() => { for (;;) { try { catapult.eval('while true { }') } catch (e) {} } }\")()")
                .endsWith("guest code exceeded its time limit of 1 s"));
        assertEquals(2.0, session.run("1 + 1", "after.cat"));
        assertEquals(5.0, session.run("js(\"() => catapult.eval('2 + 3')\")()", "after.cat"));
    }

    @Test
    void aHostScriptIsBoundedAsAWhole(@TempDir Path dir) throws Exception {
        Path script = Files.writeString(dir.resolve("spin.js"), "console.log('started');\nfor (;;) {}\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        long start = System.nanoTime();
        int code = GuestRunner.run(script, SessionSettings.defaults().withOut(out).withErr(err).withGuestTimeout(LIMIT));
        long took = System.nanoTime() - start;
        assertEquals(70, code, err.toString(StandardCharsets.UTF_8));
        assertEquals("started\n", out.toString(StandardCharsets.UTF_8));
        assertEquals("catapult: spin.js: guest code exceeded its time limit of 1 s\n", err.toString(StandardCharsets.UTF_8));
        assertTrue(took < LIMIT.toNanos() + SLACK_NS, "stopped after " + took / 1e9 + " s");
    }

    @Test
    void aGuestFillingTheHeapIsStoppedAndItsContextDiscarded() {
        long previous = GuestMemoryGuard.limit();
        try (Session session = Session.standard(SessionSettings.defaults().withOut(SINK).withErr(SINK))) {
            session.run("let hog = python(\"\n  def hog():\n      global keep\n      keep = []\n      while True:\n"
                    + "          keep.append(bytearray(4 << 20))\n  hog\n\")", "setup.cat");
            long base = heapAfterGc();
            GuestMemoryGuard.setLimit(base + (256L << 20));
            CatapultError e = assertThrows(CatapultError.class, () -> session.run("hog()", "hog.cat"));
            assertTrue(e.getMessage().startsWith("python function: guest code exceeded its memory limit: the Java heap still held"),
                    e.getMessage());
            assertEquals(42.0, session.run("python(\"lambda x: x * 2\")(21)", "after.cat"));
            CatapultError stale = assertThrows(CatapultError.class, () -> session.run("hog()", "again.cat"));
            assertTrue(stale.getMessage().contains("context was closed") && stale.getMessage().contains("define the function again"),
                    stale.getMessage());
            long after = heapAfterGc();
            assertTrue(after < base + (128L << 20), "the discarded context's memory was freed: " + (after >> 20) + " MB in use");
        } finally {
            GuestMemoryGuard.setLimit(previous);
        }
    }

    private static long heapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
