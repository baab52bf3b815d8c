package catapult.api;

import catapult.lang.session.SessionResource;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatapultTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final Catapult cat = Catapult.create(Catapult.Options.defaults().withOut(out));

    @Test
    void evalReturnsPlainJavaValues() {
        assertEquals(5050.0, cat.eval("let s = 0\nfor i in 1..100 { s = s + i }\ns"));
        assertEquals("lr = 0.5", cat.eval("\"lr = ${0.5}\""));
        assertEquals(List.of(2.0, 4.0, 8.0), cat.eval("[2^k for k in 1..3]"));
        assertEquals(Map.of("lr", 0.1, "width", 512.0), cat.eval("{lr: 0.1, width: 512}"));
        assertEquals(List.of(1.0, 2.0, 3.0), cat.eval("1..3"));
        assertEquals(Boolean.TRUE, cat.eval("1 < 2"));
        assertNull(cat.eval("none"));
    }

    @Test
    void recordsKeepFieldOrder() {
        Object v = cat.eval("{b: 1, a: 2, c: 3}");
        assertEquals(List.of("b", "a", "c"), List.copyOf(((Map<?, ?>) v).keySet()));
    }

    @Test
    void tensorsComeBackAsDoubleArraysAndGoInFromThem() {
        cat.set("m", new double[][] {{1, 2}, {3, 4}});
        double[][] doubled = (double[][]) cat.eval("m * 2");
        assertArrayEquals(new double[] {2, 4}, doubled[0]);
        assertArrayEquals(new double[] {6, 8}, doubled[1]);
        cat.set("v", new double[] {1, 2, 3});
        assertArrayEquals(new double[] {1, 4, 9}, (double[]) cat.eval("v * v"));
        assertEquals(3.0, cat.eval("len(v)"));
    }

    @Test
    void setAndGetRoundTripPlainValues() {
        cat.set("cfg", Map.of("lr", 0.5));
        cat.set("widths", List.of(64, 128));
        assertEquals(0.5, cat.eval("cfg.lr"));
        assertEquals(192.0, cat.eval("widths[0] + widths[1]"));
        assertEquals(List.of(64.0, 128.0), cat.get("widths"));
        CatapultException e = assertThrows(CatapultException.class, () -> cat.get("nope"));
        assertTrue(e.getMessage().contains("nope"), e.getMessage());
    }

    @Test
    void callsUserFunctionsWithPositionalAndNamedArguments() {
        cat.eval("fn scale(a, b = 2) = a * b");
        assertEquals(6.0, cat.call("scale", 3));
        assertEquals(15.0, cat.call("scale", List.of(3), Map.of("b", 5)));
        assertEquals(3.0, cat.call("len", List.of(1, 2, 3)));
        CatapultException e = assertThrows(CatapultException.class, () -> cat.call("missing"));
        assertEquals("no function named 'missing'", e.getMessage());
    }

    @Test
    void functionsComeBackAsThemselvesAndCanBeHandedBack() {
        Object sq = cat.eval("x => x * x");
        assertInstanceOf(catapult.lang.value.CatFunction.class, sq);
        cat.set("f", sq);
        assertEquals(List.of(1.0, 4.0), cat.eval("map([1, 2], f)"));
    }

    @Test
    void printWritesToTheHostStream() {
        cat.eval("print(\"loss\", 0.25, [1, 2])");
        assertEquals("loss 0.25 [1, 2]\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void syntaxErrorsCarryTheirPosition() {
        CatapultException e = assertThrows(CatapultException.class, () -> cat.eval("let x = (1 +\nx", "exp.cat"));
        assertTrue(e.getMessage().startsWith("exp.cat:"), e.getMessage());
        assertTrue(e.location().matches("exp\\.cat:\\d+:\\d+"), e.location());
        assertEquals(65, e.error().exitCode());
    }

    @Test
    void runtimeErrorsInFilesNameTheFileLineAndColumn(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.cat");
        Files.writeString(file, "let a = 1\nlet b = a + \"x\" * nothing_here\n");
        CatapultException e = assertThrows(CatapultException.class, () -> cat.eval(file));
        assertTrue(e.location().startsWith(file.toString() + ":2:"), e.location());
        assertTrue(e.getMessage().contains("nothing_here"), e.getMessage());
    }

    @Test
    void evalFileReturnsTheLastValue(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ok.cat");
        Files.writeString(file, "fn sq(x) = x * x\nsq(7)\n");
        assertEquals(49.0, cat.eval(file));
        assertEquals(16.0, cat.call("sq", 4.0));
    }

    @Test
    void aHostInterruptHandleStopsALoopAndTheSessionSurvives() throws Exception {
        InterruptHandle handle = new InterruptHandle();
        try (Catapult session = Catapult.create(Catapult.Options.defaults().withInterrupt(handle))) {
            CompletableFuture<Object> running = CompletableFuture.supplyAsync(() -> {
                try {
                    return session.eval("let i = 0\nwhile true { i = i + 1 }");
                } catch (CatapultException e) {
                    return e;
                }
            });
            Object result = null;
            for (int tries = 0; tries < 100 && !running.isDone(); tries++) {
                handle.interrupt();
                try {
                    result = running.get(100, TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.TimeoutException notYet) {
                    // the loop may not have started yet: interrupt again
                }
            }
            result = running.get(1, TimeUnit.SECONDS);
            CatapultException e = assertInstanceOf(CatapultException.class, result);
            assertTrue(e.getMessage().contains("interrupted"), e.getMessage());
            assertEquals(130, e.error().exitCode());
            assertTrue((Double) session.get("i") > 0);
            assertEquals(2.0, session.eval("1 + 1"));
        }
    }

    @Test
    void closeClosesAndInterruptReachesRegisteredResources() {
        AtomicInteger closed = new AtomicInteger(), interrupted = new AtomicInteger();
        cat.session().register(new SessionResource() {
            @Override public void interrupt() { interrupted.incrementAndGet(); }
            @Override public void close() { closed.incrementAndGet(); }
        });
        cat.interrupt();
        assertEquals(1, interrupted.get());
        cat.close();
        assertEquals(1, closed.get());
    }

    @Test
    void optionsReachTheSessionSettings() {
        Catapult open = Catapult.create(Catapult.Options.defaults().withAllowIo(true));
        assertTrue(open.session().settings().guestIo());
        assertFalse(cat.session().settings().guestIo());
    }
}
