package catapult.polyglot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import catapult.api.Catapult;
import catapult.api.CatapultException;
import catapult.api.HostValues;
import catapult.lang.eval.Interpreter;
import catapult.lang.syntax.Span;
import catapult.lang.value.CatFunction;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.graalvm.polyglot.Source;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Python side of the bridge. GraalPy contexts are slow to create, so the whole class shares
 * one sandboxed session and the tests are few and broad.
 */
class PythonBridgeTest {
    private static Catapult cat;

    @BeforeAll
    static void startSession() {
        cat = Catapult.create();
    }

    @AfterAll
    static void closeSession() {
        cat.close();
    }

    /** Runs Python in the session's context (with `catapult` bound); returns its last expression as plain Java. */
    private static Object py(String code) {
        GuestContext ctx = GuestSession.of(cat.session()).context(GuestLanguage.PYTHON);
        Object v = ctx.enter(() -> ctx.values().toCatapult(ctx.eval(Source.create("python", code))));
        return HostValues.toJava(v);
    }

    @Test
    void evalReturnsNativePythonValues() {
        assertEquals("int 3", py("v = catapult.eval('1 + 2')\nf'{type(v).__name__} {v}'"));
        assertEquals("float 0.25", py("v = catapult.eval('1 / 4')\nf'{type(v).__name__} {v}'"));
        assertEquals("[1, 2.5, 'x', True, None]", py("repr(catapult.eval('[1, 2.5, \"x\", true, none]'))"));
        assertEquals("True {'lr': 0.5, 'width': 512} 0.5 512",
                py("r = catapult.eval('{lr: 0.5, width: 512}')\nf'{isinstance(r, dict)} {r} {r.lr} {r[\"width\"]}'"));
        assertEquals("[[1.0, 2.0], [3.0, 4.0]] list", py("t = catapult.eval('tensor([[1, 2], [3, 4]])')\nf'{t} {type(t).__name__}'"));
        // kwargs become named arguments; values and functions go in and come back
        cat.eval("fn scale(a, b = 2) = a * b");
        assertEquals(List.of(6.0, 30.0, 8.0), py("[catapult.call('scale', 3), catapult.call('scale', 3, b=10), catapult.get('scale')(4)]"));
        py("catapult.set('cfg', {'lr': 0.1, 'widths': (8, 16)})\ncatapult.set('inc', lambda x: x + 1)");
        assertEquals(List.of(16.1, 5.0), cat.eval("[cfg.widths[1] + cfg.lr, inc(4)]"));
    }

    @Test
    void aCatapultSyntaxErrorRaisedInPythonShowsItsLineAndColumn() {
        Object message = py("""
                try:
                    catapult.eval('let a = 1\\nlet b = (a +\\n', 'exp.cat')
                    r = 'no error'
                except catapult.Error as e:
                    r = str(e)
                r
                """);
        assertTrue(((String) message).startsWith("exp.cat:2:9: "), (String) message);
        assertTrue(((String) message).contains("let b = (a +\n        ^"), (String) message);
        Object plain = py("""
                try:
                    catapult.call('len', 3)
                except Exception as e:
                    r = type(e).__name__ + ': ' + str(e)
                r
                """);
        assertTrue(((String) plain).startsWith("CatapultError: len: "), (String) plain);
    }

    @Test
    void aPythonLambdaWorksAsScheduleTargetAndPredicate() {
        // the lr-schedule role: a function of the step t
        assertEquals(List.of(0.5, 0.05), cat.eval("let lr = python(\"lambda t: 0.5 if t < 100 else 0.05\")\n[lr(0), lr(150)]"));
        // the regress-target role: an input vector arrives as a list of floats
        assertEquals(12.0, cat.eval("python(\"lambda x: x[0] * x[1]\")(tensor([3, 4]))"));
        // the until role: the metrics record reads by key and by attribute
        assertEquals(List.of(true, false),
                cat.eval("let stop = python(\"lambda m: m.loss < 1e-3 and m['step'] > 0\")\n[stop({step: 5, loss: 1e-4}), stop({step: 5, loss: 1})]"));
        // multi-line definitions: the last expression is the value
        assertEquals(0.5, cat.eval("python(\"\n  def warm(t):\n      return min(1.0, t / 10) * 0.5\n  warm\n\")(20)"));
        CatapultException e = assertThrows(CatapultException.class, () -> cat.eval("python(\"lambda t: 1 / 0\")(1)", "div.cat"));
        assertTrue(e.getMessage().startsWith("div.cat:1:1: python function failed: ZeroDivisionError"), e.getMessage());
    }

    @Test
    void pythonFunctionsDriveTrainingAndRunsComeBackAsSeries() {
        cat.eval("arch small(width = 64) {\n  let x = input(2)\n  output(dense(relu(dense(x, width)), 1))\n}\n"
                + "let pts = regress(randn(16, 2, seed: 3), python(\"lambda x: x[0] * x[1]\"))");
        assertEquals(0.0, (Double) cat.eval("max(abs(pts.y[:, 0] - pts.x[:, 0] * pts.x[:, 1]))"), 1e-5);
        Object result = py(String.join("\n",
                "net = catapult.eval('init(small(), seed: 0)')",
                "run = catapult.call('train', net, catapult.get('pts'), catapult.call('gd', lambda t: 0.1 if t < 5 else 0.05),",
                "                    steps=40, until=lambda m: m.step >= 8)",
                "[run.steps, len(run.loss), [round(x, 6) for x in run.lr], run['diverged'], type(run).__name__]"));
        assertEquals(List.of(8.0, 9.0, List.of(0.1, 0.1, 0.1, 0.1, 0.1, 0.05, 0.05, 0.05), false, "Record"), result);
    }

    @Test
    void pythonWaitingInCatapultLetsAnotherThreadRunPython() {
        cat.session().setGlobal("on_other_thread", (CatFunction) new CatFunction() {
            @Override public String name() { return "on_other_thread"; }

            @Override public Object call(Interpreter interp, List<Object> args, Map<String, Object> named, Span site) {
                try {
                    return CompletableFuture.supplyAsync(() -> interp.call((CatFunction) args.get(0), List.of(1.0), site))
                            .get(60, TimeUnit.SECONDS);
                } catch (Exception e) {
                    return "failed: " + e;
                }
            }
        });
        assertEquals(2.0, py("catapult.call('on_other_thread', lambda x: x + 1)"));
    }

    @Test
    void anInterruptStopsARunawayPythonLoopAndTheContextSurvives() throws Exception {
        cat.eval("let spin = python(\"\n  def spin():\n      while True:\n          pass\n  spin\n\")");
        CompletableFuture<Object> running = CompletableFuture.supplyAsync(() -> {
            try {
                return cat.eval("spin()");
            } catch (CatapultException e) {
                return e;
            }
        });
        Thread.sleep(300);
        cat.session().requestInterrupt();
        Object result = running.get(20, TimeUnit.SECONDS);
        assertTrue(result instanceof CatapultException e && e.getMessage().contains("interrupted"), String.valueOf(result));
        assertEquals(7.0, cat.eval("python(\"lambda: 7\")()"));
    }

    @Test
    void sandboxDeniesFilesClassesProcessesAndThreads(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "s3cret");
        String denied = (String) py(String.join("\n",
                "def attempt(f):",
                "    try:",
                "        f()",
                "        return 'allowed'",
                "    except BaseException as e:",
                "        return type(e).__name__",
                "def java_class():",
                "    import java",
                "    java.type('java.io.File')",
                "def process():",
                "    import subprocess",
                "    subprocess.run(['true'])",
                "' '.join([attempt(lambda: open('" + secret + "').read()), attempt(java_class), attempt(process)])"));
        String[] outcomes = denied.split(" ");
        assertEquals("PermissionError", outcomes[0], denied);
        assertEquals("KeyError", outcomes[1], denied); // host symbol lookup refused
        assertTrue(!outcomes[2].equals("allowed"), denied);
        CatapultException thread = assertThrows(CatapultException.class,
                () -> cat.eval("python(\"lambda: __import__('threading').Thread(target=print).start()\")()"));
        assertTrue(thread.getMessage().contains("PermissionError: (1, creating threads is not allowed for sandboxed guest code")
                && !thread.getMessage().contains(GuestContext.KIT_NAME), thread.getMessage());
        CatapultException fromCat = assertThrows(CatapultException.class,
                () -> cat.eval("python(\"lambda: open('" + secret + "').read()\")()"));
        assertTrue(fromCat.getMessage().contains("PermissionError"), fromCat.getMessage());
    }
}
