package catapult.polyglot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import catapult.api.Catapult;
import catapult.api.CatapultException;
import catapult.api.HostValues;
import catapult.lang.eval.Interpreter;
import catapult.lang.syntax.Span;
import catapult.lang.value.CatFunction;
import catapult.lang.value.CatValue;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.graalvm.polyglot.Source;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JavaScript side of the bridge, on one session (one context) for the whole class. */
class JsBridgeTest {
    private static final ByteArrayOutputStream OUT = new ByteArrayOutputStream();
    private static Catapult cat;

    @BeforeAll
    static void startSession() {
        cat = Catapult.create(Catapult.Options.defaults().withOut(OUT));
    }

    @AfterAll
    static void closeSession() {
        cat.close();
    }

    /**
     * Runs JavaScript in the session's context (with `catapult` bound) inside a block, so each
     * test's declarations stay its own; returns the completion value as plain Java.
     */
    private static Object js(String code) {
        GuestContext ctx = GuestSession.of(cat.session()).context(GuestLanguage.JS);
        Object v = ctx.enter(() -> ctx.values().toCatapult(ctx.eval(Source.create("js", "{\n" + code + "\n}"))));
        return HostValues.toJava(v);
    }

    @Test
    void evalResultsAreNativeJavaScriptValues() {
        assertEquals("number 3", js("const v = catapult.eval('1 + 2'); typeof v + ' ' + v"));
        assertEquals(true, js("Array.isArray(catapult.eval('[1, 2, 3]'))"));
        assertEquals("{\"lr\":0.5,\"widths\":[64,128],\"ok\":true,\"nothing\":null}",
                js("JSON.stringify(catapult.eval('{lr: 0.5, widths: [64, 128], ok: true, nothing: none}'))"));
        assertEquals("[[1,2],[3,4]]", js("JSON.stringify(catapult.eval('tensor([[1, 2], [3, 4]])'))"));
        assertEquals("[1,2,3]", js("JSON.stringify(catapult.eval('1..3'))"));
    }

    @Test
    void valuesGoIntoCatapultAsListsRecordsAndFunctions() {
        js("catapult.set('cfg', {lr: 0.25, widths: [8, 16]}); catapult.set('triple', x => 3 * x)");
        assertEquals(16.25, cat.eval("cfg.widths[1] + cfg.lr"));
        assertEquals(List.of(3.0, 6.0), cat.eval("map([1, 2], triple)"));
    }

    @Test
    void callPassesPositionalAndNamedArguments() {
        cat.eval("fn scale(a, b = 2) = a * b");
        assertEquals(List.of(6.0, 30.0), js("[catapult.call('scale', 3), catapult.call('scale', 3, catapult.named({b: 10}))]"));
        assertEquals(8.0, js("const f = catapult.get('scale'); f(4)"));
    }

    @Test
    void catapultErrorsReachJavaScriptWithTheirPosition() {
        Object message = js("try { catapult.eval('let x = (1 +\\n', 'exp.cat'); 'no error' } "
                + "catch (e) { (e instanceof catapult.Error) + ' ' + e.name + ' ' + e.message }");
        assertTrue(((String) message).startsWith("true CatapultError exp.cat:1:9: "), (String) message);
        Object argError = js("try { catapult.call('len', 3) } catch (e) { e.message }");
        assertTrue(((String) argError).startsWith("len: "), (String) argError);
    }

    @Test
    void jsFunctionsWorkAsCatapultFunctions() {
        assertEquals(42.0, cat.eval("let double = js(\"x => x * 2\")\ndouble(21)"));
        // the lr-schedule role: a function of the step t returning a rate
        assertEquals(List.of(0.5, 0.5, 0.05), cat.eval("let lr = js(\"t => t < 100 ? 0.5 : 0.05\")\n[lr(0), lr(99), lr(100)]"));
        // the regress-target role: one input vector arrives as an array
        assertEquals(12.0, cat.eval("js(\"x => x[0] * x[1]\")(tensor([3, 4]))"));
        // the until role: the metrics record arrives as an object
        assertEquals(List.of(true, false), cat.eval("let stop = js(\"m => m.loss < 1e-3\")\n[stop({step: 1, loss: 1e-4}), stop({step: 2, loss: 1})]"));
    }

    @Test
    void jsFunctionsServeAsTargetScheduleAndPredicateInTraining() {
        cat.eval("arch small(width = 64) {\n  let x = input(2)\n  output(dense(relu(dense(x, width)), 1))\n}\n"
                + "let pts = regress(randn(16, 2, seed: 3), js(\"x => x[0] * x[1]\"))");
        // the regress target: y_i = x_i0 * x_i1, computed in JavaScript per example
        assertEquals(0.0, (Double) cat.eval("max(abs(pts.y[:, 0] - pts.x[:, 0] * pts.x[:, 1]))"), 1e-5);
        // the lr schedule: gd follows the JS function of the step
        Object lrs = cat.eval("train(init(small(), seed: 0), pts, gd(js(\"t => t < 5 ? 0.1 : 0.05\")), steps: 10).lr");
        assertEquals(List.of(0.1, 0.1, 0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.05, 0.05),
                java.util.Arrays.stream((double[]) lrs).map(x -> Math.round(x * 1e6) / 1e6).boxed().toList());
        // the until predicate: the run stops after the update where it first holds
        assertEquals(7.0, cat.eval("train(init(small(), seed: 0), pts, gd(0.1), steps: 50, until: js(\"m => m.step >= 7\")).steps"));
    }

    @Test
    void runsArriveAsObjectsOfSeriesAndOptimizersAsHandles() {
        cat.eval("arch lin2(width = 32) {\n  let x = input(2)\n  output(dense(relu(dense(x, width)), 1))\n}\n"
                + "let pts2 = regress(randn(8, 2, seed: 4), \"rank2\")");
        Object summary = js(String.join("\n",
                "const opt = catapult.call('gd', 0.05);",
                "const run = catapult.call('train', catapult.eval('init(lin2(), seed: 0)'), catapult.get('pts2'), opt,",
                "    catapult.named({steps: 6}));",
                "[run.steps, run.loss.length, run.lr.length, run.diverged, run.when.loss.length, run.loss[6] < run.loss[0],",
                " typeof run.final.loss, run.model.params, String(opt).startsWith('gd')]"));
        assertEquals(List.of(6.0, 7.0, 6.0, false, 7.0, true, "number", 32.0 * 2 + 32, true), summary);
    }

    @Test
    void guestExceptionsBecomeCatapultErrorsAtTheCallSite() {
        CatapultException e = assertThrows(CatapultException.class,
                () -> cat.eval("let bad = js(\"x => { throw new Error('nope ' + x) }\")\nbad(5)", "fail.cat"));
        assertEquals("fail.cat:2:1", e.location());
        assertTrue(e.getMessage().contains("Error: nope 5 (at <js in fail.cat:1>:1:"), e.getMessage());
        CatapultException syntax = assertThrows(CatapultException.class, () -> cat.eval("js(\"x => => x\")", "syn.cat"));
        assertTrue(syntax.getMessage().startsWith("syn.cat:1:1: js: SyntaxError"), syntax.getMessage());
    }

    @Test
    void sandboxDeniesJavaClassesAndFiles(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("secret.js");
        Files.writeString(file, "42");
        Object classError = js("try { Java.type('java.io.File'); 'loaded' } catch (e) { e.message }");
        assertEquals("Access to host class java.io.File is not allowed or does not exist.", classError);
        Object fileError = js("try { load('" + file + "'); 'read' } catch (e) { e.message }");
        assertEquals("Cannot load script: " + file, fileError);
        CatapultException fromCat = assertThrows(CatapultException.class, () -> cat.eval("js(\"load('" + file + "')\")"));
        assertTrue(fromCat.getMessage().contains("TypeError: Cannot load script"), fromCat.getMessage());
    }

    @Test
    void allowIoOptsIntoFilesAndJavaClasses(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("data.js");
        Files.writeString(file, "40 + 2");
        try (Catapult open = Catapult.create(Catapult.Options.defaults().withAllowIo(true))) {
            assertEquals(42.0, open.eval("js(\"load('" + file + "')\")"));
            assertEquals("data.js", open.eval("js(\"new (Java.type('java.io.File'))('" + file + "').getName()\")"));
        }
    }

    /** A value without a plain form, like a network or dataset: it must travel as a handle. */
    private record Opaque(double size) implements CatValue {
        @Override public String typeName() { return "opaque"; }
        @Override public String show() { return "<opaque " + size + ">"; }
        @Override public Object field(String name) { return name.equals("size") ? size : NO_FIELD; }
        @Override public List<String> fieldNames() { return List.of("size"); }
    }

    @Test
    void opaqueValuesTravelAsHandlesWithFieldsAndMethods() {
        cat.session().setGlobal("thing", new Opaque(7));
        assertEquals("7 <opaque 7.0> size", js("const h = catapult.get('thing'); h.size + ' ' + String(h) + ' ' + Object.keys(h)"));
        // a method call on a handle calls the built-in with the handle first, as `thing.type()` does in Catapult
        assertEquals("opaque", js("catapult.get('thing').type()"));
        // handed back, it is the very same Catapult value
        assertEquals(Boolean.TRUE, js("catapult.set('back', catapult.get('thing')); true"));
        assertSame(cat.session().getGlobal("thing"), cat.session().getGlobal("back"));
        cat.eval("let sq = x => x * x");
        assertEquals("function", js("typeof catapult.get('sq')"));
        assertEquals(9.0, js("catapult.call('map', [3], catapult.get('sq'))[0]"));
    }

    @Test
    void networksAndDatasetsGoOutAsHandlesAndBackIntoCatapultCalls() {
        cat.eval("precision(64)\narch tiny(width = 16) {\n  let x = input(3)\n  output(dense(relu(dense(x, width)), 1))\n}");
        Object result = js(String.join("\n",
                "const net = catapult.eval('init(tiny(), seed: 0)');",
                "const data = catapult.eval('regress(randn(5, 3, seed: 1), x => x[0])');",
                "const K = catapult.call('ntk', net, data);",
                "const f = net(data.x);",
                "[net.params, data.n, K.length, K[0].length, catapult.call('critical_lr', net, data) > 0, f.length, f[0].length]"));
        assertEquals(List.of(16.0 * 3 + 16, 5.0, 5.0, 5.0, true, 5.0, 1.0), result);
        cat.eval("precision(32)");
    }

    @Test
    void printFromJavaScriptGoesToTheSessionOutput() {
        OUT.reset();
        js("console.log('from js', 1 + 1)");
        cat.eval("print(\"from cat\")");
        assertEquals("from js 2\nfrom cat\n", OUT.toString(StandardCharsets.UTF_8));
    }

    @Test
    void interruptStopsARunawayGuestLoop() throws Exception {
        try (Catapult session = Catapult.create()) {
            session.eval("let spin = js(\"() => { while (true) {} }\")");
            CompletableFuture<Object> running = CompletableFuture.supplyAsync(() -> {
                try {
                    return session.eval("spin()");
                } catch (CatapultException e) {
                    return e;
                }
            });
            Thread.sleep(300);
            session.interrupt();
            Object result = running.get(10, TimeUnit.SECONDS);
            CatapultException e = assertInstanceOf(CatapultException.class, result);
            assertTrue(e.getMessage().contains("interrupted"), e.getMessage());
            assertEquals(3.0, session.eval("js(\"() => 3\")()"));
        }
    }

    @Test
    void theInterpretersOwnInterruptFlagStopsGuestCodeToo() throws Exception {
        // the REPL's Ctrl-C only sets the interpreter's flag; the watchdog carries it into guest code
        try (Catapult session = Catapult.create()) {
            session.eval("let spin = js(\"() => { while (true) {} }\")");
            CompletableFuture<Object> running = CompletableFuture.supplyAsync(() -> {
                try {
                    return session.eval("spin()");
                } catch (CatapultException e) {
                    return e;
                }
            });
            Thread.sleep(300);
            session.session().requestInterrupt();
            CatapultException e = assertInstanceOf(CatapultException.class, running.get(10, TimeUnit.SECONDS));
            assertTrue(e.getMessage().contains("interrupted"), e.getMessage());
        }
    }

    /** Calls its function argument on another thread and waits, as a parallel sweep would. */
    private static final class OnOtherThread implements CatFunction {
        @Override public String name() { return "on_other_thread"; }

        @Override public Object call(Interpreter interp, List<Object> args, Map<String, Object> named, Span site) {
            CompletableFuture<Object> f = CompletableFuture.supplyAsync(() -> {
                try {
                    return interp.call((CatFunction) args.get(0), List.of(1.0), site);
                } catch (RuntimeException e) {
                    return e.getMessage();
                }
            });
            return f.join();
        }
    }

    @Test
    void javaScriptWaitingInCatapultFailsFastInsteadOfDeadlockingAnotherThread() {
        cat.session().setGlobal("on_other_thread", new OnOtherThread());
        // from Catapult code (JS idle): another thread may call the JS function
        assertEquals(2.0, cat.eval("on_other_thread(js(\"x => x + 1\"))"));
        // from JS code waiting inside Catapult: the other thread is refused with a clear message
        Object message = js("catapult.call('on_other_thread', x => x + 1)");
        assertTrue(((String) message).contains("cannot run on this thread"), (String) message);
    }

    @Test
    void nonFunctionValuesConvert() {
        assertEquals(Map.of("a", 1.0), cat.eval("js(\"({a: 1})\")"));
        assertEquals(List.of(1.0, "x"), cat.eval("js(\"[1, 'x']\")"));
    }
}
