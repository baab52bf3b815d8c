package catapult.lang.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import catapult.lang.errors.CatapultError;
import catapult.lang.errors.Interrupted;
import catapult.lang.errors.SyntaxError;
import catapult.lang.session.Session;
import catapult.lang.session.SessionSettings;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Programs nested far beyond what anyone writes (10,000 and 100,000 levels of every nesting
 * construct) are positioned syntax errors found before ANTLR runs, and long left-associative
 * chains evaluate, all on a 512 KB thread stack such as embedded hosts give (issue 15: these
 * leaked StackOverflowErrors, or took 17 s and 2.3 GB). The timeouts only catch hangs.
 */
class DeepNestingTest {
    private static final Duration HANG = Duration.ofSeconds(20);
    private static final long SMALL_STACK = 512 * 1024;

    private static Map<String, String> nested(int n) {
        Map<String, String> programs = new LinkedHashMap<>();
        programs.put("parens", "(".repeat(n) + "1" + ")".repeat(n));
        programs.put("minus", "-".repeat(n) + "1");
        programs.put("not", "not ".repeat(n) + "true");
        programs.put("power", "2" + "^2".repeat(n));
        programs.put("lambdas", "let f = " + "x => ".repeat(n) + "1");
        programs.put("records", "{a: ".repeat(n) + "1" + "}".repeat(n));
        programs.put("indexing", "let a = [0]\n" + "a[".repeat(n) + "0" + "]".repeat(n));
        programs.put("lists", "[".repeat(n) + "]".repeat(n));
        programs.put("calls", "print(".repeat(n) + ")".repeat(n));
        programs.put("fields", "let r = {a: 1}\nr" + ".a".repeat(n));
        programs.put("functions", "fn f() {\n".repeat(n) + "1\n" + "}\n".repeat(n));
        programs.put("else-if", "let v = if false { 1 }" + " else if false { 1 }".repeat(n) + " else { 2 }");
        return programs;
    }

    /** Runs body on a thread with a 512 KB stack and returns what it threw (or null). */
    private static Throwable onSmallStack(Runnable body) throws InterruptedException {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                body.run();
            } catch (Throwable e) {
                thrown.set(e);
            }
        }, "small-stack", SMALL_STACK);
        t.start();
        t.join();
        return thrown.get();
    }

    @Test
    void tenThousandLevelsOfEveryKindArePositionedSyntaxErrors() {
        for (Map.Entry<String, String> p : nested(10_000).entrySet()) {
            SourceFile src = new SourceFile(p.getKey() + ".cat", p.getValue());
            SyntaxError e = assertTimeoutPreemptively(HANG, () -> assertThrows(SyntaxError.class, () -> Parser.parse(src)), p.getKey());
            assertTrue(e.getMessage().startsWith("nested too deeply (more than 200 levels"), p.getKey() + ": " + e.getMessage());
            assertTrue(e.span().line() >= 1 && e.span().column() >= 1, p.getKey());
            assertTrue(e.format().lines().count() >= 3, "message, source line and caret: " + e.format().substring(0, 80));
        }
    }

    @Test
    void aHundredThousandLevelsFailTheSameWayOnASmallStack() throws Exception {
        for (Map.Entry<String, String> p : nested(100_000).entrySet()) {
            Session interp = Session.standard(SessionSettings.defaults().withOut(new ByteArrayOutputStream()));
            Throwable t = onSmallStack(() -> interp.run(p.getValue(), p.getKey() + ".cat"));
            assertTrue(t instanceof SyntaxError, p.getKey() + ": " + t);
        }
    }

    @Test
    void moderateNestingStillRunsOnASmallStack() throws Exception {
        Map<String, String> programs = new LinkedHashMap<>();
        int n = 90;
        programs.put("parens", "(".repeat(n) + "1" + ")".repeat(n));
        programs.put("minus", "-".repeat(n) + "1");
        programs.put("power", "1" + "^1".repeat(n));
        programs.put("calls", "fn id(x) = x\n" + "id(".repeat(n / 2) + "1" + ")".repeat(n / 2));
        programs.put("records", "len(keys(" + "{a: ".repeat(n) + "1" + "}".repeat(n) + "))");
        for (Map.Entry<String, String> p : programs.entrySet()) {
            Session interp = Session.standard(SessionSettings.defaults().withOut(new ByteArrayOutputStream()));
            AtomicReference<Object> value = new AtomicReference<>();
            Throwable t = onSmallStack(() -> value.set(interp.run(p.getValue(), p.getKey() + ".cat")));
            assertEquals(null, t, p.getKey());
            assertEquals(1.0, value.get(), p.getKey());
        }
    }

    @Test
    void longLeftAssociativeChainsEvaluateOnASmallStack() throws Exception {
        Map<String, Object> chains = new LinkedHashMap<>();
        chains.put(String.join(" + ", java.util.Collections.nCopies(100_000, "1")), 100_000.0);
        chains.put(String.join(" and ", java.util.Collections.nCopies(20_000, "true")), true);
        chains.put("false" + " or false".repeat(19_999) + " or true", true);
        chains.put("1" + " - 1".repeat(19_999) + " * 2", -19_999.0);
        for (Map.Entry<String, Object> c : chains.entrySet()) {
            Session interp = Session.standard(SessionSettings.defaults().withOut(new ByteArrayOutputStream()));
            AtomicReference<Object> value = new AtomicReference<>();
            Throwable t = assertTimeoutPreemptively(HANG, () -> onSmallStack(() -> value.set(interp.run(c.getKey(), "chain.cat"))));
            assertEquals(null, t, c.getKey().substring(0, 20));
            assertEquals(c.getValue(), value.get(), c.getKey().substring(0, 20));
        }
    }

    @Test
    void chainsKeepLeftToRightOrderAndShortCircuit() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Session interp = Session.standard(SessionSettings.defaults().withOut(out));
        interp.run("fn p(x) {\n  print(x)\n  x\n}\nlet v = p(1) - p(2) - p(3)\nlet w = p(false) and p(true) or p(7)", "order.cat");
        assertEquals("1\n2\n3\nfalse\n7\n", out.toString(StandardCharsets.UTF_8));
        assertEquals(-4.0, interp.getGlobal("v"));
        assertEquals(true, interp.getGlobal("w"));
    }

    @Test
    void aLongParseCanBeInterrupted() {
        String big = "let x = 1\n".repeat(200_000);
        Interrupted e = assertThrows(Interrupted.class, () -> Parser.parse(new SourceFile("big.cat", big), () -> true));
        assertTrue(e.span().line() >= 1, e.format());
    }

    @Test
    void anErrorInAFileWithCarriageReturnLineEndingsShowsItsLineAndCaret() {
        for (String eol : new String[] {"\r", "\r\n"}) {
            String text = "let x = 1" + eol + "let y = 2" + eol + "print(x + )" + eol;
            CatapultError e = assertThrows(CatapultError.class, () -> Parser.parse(new SourceFile("cr.cat", text)));
            assertEquals(3, e.span().line());
            assertEquals("cr.cat:3:11: unexpected ')'\nprint(x + )\n          ^", e.format().replaceAll(" \\(expected[^)]*\\)", ""));
        }
    }
}
