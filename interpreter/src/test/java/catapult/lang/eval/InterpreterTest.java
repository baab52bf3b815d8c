package catapult.lang.eval;

import catapult.lang.session.Session;
import catapult.lang.session.SessionSettings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import catapult.lang.builtins.BuiltinRegistry;
import catapult.lang.errors.Interrupted;
import catapult.lang.errors.ResolveError;
import catapult.lang.errors.RuntimeError;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Evaluator behaviour that golden scripts cannot show: state across entries, interrupts, errors. */
class InterpreterTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final Session interp = Session.standard(SessionSettings.defaults().withOut(new PrintStream(out, true, StandardCharsets.UTF_8)));

    @Test
    void globalsPersistAcrossEntries() {
        interp.run("let x = 40", "<1>");
        interp.run("fn inc(v) = v + 1", "<2>");
        assertEquals(41.0, interp.run("inc(x)", "<3>"));
        assertTrue(interp.userGlobals().containsKey("x"));
    }

    @Test
    void unknownNamesFailBeforeRunning() {
        ResolveError e = assertThrows(ResolveError.class, () -> interp.run("print(1)\nprint(undefined_thing)", "<t>"));
        assertEquals(2, e.span().line());
        assertEquals("", out.toString(StandardCharsets.UTF_8), "nothing ran");
    }

    @Test
    void interruptStopsALoopAndKeepsTheSession() throws Exception {
        Thread stopper = new Thread(() -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException ignored) {
                return;
            }
            interp.requestInterrupt();
        });
        stopper.start();
        assertThrows(Interrupted.class, () -> interp.run("let i = 0\nwhile true { i = i + 1 }", "<loop>"));
        stopper.join();
        assertTrue((Double) interp.getGlobal("i") > 0);
        assertEquals(3.0, interp.run("1 + 2", "<after>"));
    }

    @Test
    void deepRecursionIsAnError() {
        RuntimeError e = assertThrows(RuntimeError.class, () -> interp.run("fn f(n) = f(n + 1)\nf(0)", "<r>"));
        assertTrue(e.getMessage().contains("recursion too deep"), e.getMessage());
    }

    @Test
    void overridesReplaceTopLevelLets() {
        interp.setOverrides(java.util.Map.of("size", "small"));
        interp.run("let size = \"full\"\nfn g() { let size = 1\n size }", "<o>");
        assertEquals("small", interp.getGlobal("size"));
        assertEquals(1.0, interp.run("g()", "<g>"));
    }

    @Test
    void closuresCaptureTheirScope() {
        Object v = interp.run("fn adder(k) = x => x + k\nlet add3 = adder(3)\n[add3(1), add3(2)]", "<c>");
        assertEquals(List.of(4.0, 5.0), v);
    }
}
