package catapult.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The REPL on a virtual terminal with the real interpreter behind it. */
@Timeout(60)
class InterpreterReplTest {
    @TempDir
    Path dir;

    private TerminalDriver start() throws Exception {
        TerminalDriver t = new TerminalDriver(InterpreterSession.standard(), dir.resolve("history"));
        t.await(Repl.PROMPT);
        return t;
    }

    @Test
    void multiLineFunctionThenCall() throws Exception {
        try (TerminalDriver t = start()) {
            t.type("fn sq(x) {\r");
            t.await(Repl.CONTINUATION);
            t.type("x^2\r");
            t.await(Repl.CONTINUATION);
            t.type("}\r");
            t.await(Repl.PROMPT);
            t.type("sq(3) + 1\r");
            assertTrue(t.await(Repl.PROMPT).contains("10"));
            t.type("print(\"a\", [1, 2])\r");
            assertTrue(t.await(Repl.PROMPT).contains("a [1, 2]"), "print output reaches the terminal");
        }
    }

    @Test
    void profileShowsTheCallSitesOfOneInput() throws Exception {
        try (TerminalDriver t = start()) {
            t.type(":profile [len([1]) for i in 0..9]\r");
            String shown = t.await("engine phases") + t.await(Repl.PROMPT);
            assertTrue(shown.contains("[1, 1, 1, 1, 1, 1, 1, 1, 1, 1]"), "the value is echoed: " + shown);
            assertTrue(shown.matches("(?s).*<repl:\\d+>:1:2 +len +10 .*"), "one site, ten calls: " + shown.replace("\r", "|"));
            assertTrue(shown.contains("engine phases"), shown);
        }
    }

    @Test
    void errorsAreFormattedAndTheSessionGoesOn() throws Exception {
        try (TerminalDriver t = start()) {
            t.type("let x = 2\r");
            t.await(Repl.PROMPT);
            t.type("x + nosuch\r");
            String error = t.await(Repl.PROMPT);
            assertTrue(error.matches("(?s).*<repl:\\d+>:1:5: .*nosuch.*"), error);
            assertTrue(error.contains("    ^"), "caret under the name: " + error);
            assertFalse(error.contains("at catapult."), "no stack trace: " + error);
            t.type("x * 21\r");
            assertTrue(t.await(Repl.PROMPT).contains("42"));
        }
    }

    @Test
    void ctrlCStopsAnEndlessLoopAndKeepsBindings() throws Exception {
        try (TerminalDriver t = start()) {
            t.type("let i = 0\r");
            t.await(Repl.PROMPT);
            t.type("while true { i = i + 1 }\r");
            Thread.sleep(300);
            t.type("\u0003");
            assertTrue(t.await(Repl.PROMPT).contains("interrupted"));
            t.type("i > 0\r");
            assertTrue(t.await(Repl.PROMPT).contains("true"), "the loop ran and its effect is kept");
        }
    }

    @Test
    void completionUsesTheRegistryAndTheScope() throws Exception {
        try (TerminalDriver t = start()) {
            t.type("let cfg = {lr: 0.5, width: 3}\r");
            t.await(Repl.PROMPT);
            t.type("cfg.wi\t");
            t.await("cfg.width");
            t.type("\r");
            assertTrue(t.await(Repl.PROMPT).contains("3"));
            t.type("linsp\t");
            t.await("linspace");
            t.type("(0, 1, 3)\r");
            assertTrue(t.await(Repl.PROMPT).contains("0.5"));
        }
        InterpreterSession session = InterpreterSession.standard();
        ReplCompleter completer = new ReplCompleter(session);
        List<String> named = completer.candidates(CompletionContext.at("randn(3, ", 9)).stream()
                .map(org.jline.reader.Candidate::value).toList();
        assertTrue(named.contains("seed:"), named.toString());
        assertFalse(named.contains("shape:"), "variadic parameters cannot be named: " + named);
    }

    @Test
    void helpForEveryBuiltinComesFromTheRegistry() throws Exception {
        InterpreterSession session = InterpreterSession.standard();
        for (BuiltinDoc b : session.builtins()) {
            String help = HelpText.builtin(b);
            assertTrue(help.startsWith(b.name() + "("), help);
            assertFalse(b.summary().isBlank(), b.name() + " has a summary");
        }
        try (TerminalDriver t = start()) {
            t.type(":help dense\r");
            String dense = t.await(Repl.PROMPT);
            assertTrue(dense.contains("dense(src, units, bias: false, drop: 0, indegree: none, trainable: true)"), dense);
            assertTrue(dense.contains("Formula:") && dense.contains("(1/sqrt(in(v)))"), dense);
            assertTrue(dense.contains("Example:") && dense.contains("Reference:"), dense);
            t.type("arch m() { let x = input(3)\r");
            t.await(Repl.CONTINUATION);
            t.type("output(dense(x, 1, dr\t");
            t.await("drop: ");
            t.type("0) }\r");
            t.await(Repl.PROMPT);
            t.type(":help randn\r");
            String help = t.await(Repl.PROMPT);
            assertTrue(help.contains("randn(...shape, seed: none)"), help);
            assertTrue(help.contains("x_ij ~ N(0, 1)"), help);
            assertTrue(help.contains("randn(128, 10, seed: 0)"), help);
        }
    }

    @Test
    void varsListsUserBindingsOnly() throws Exception {
        InterpreterSession session = InterpreterSession.standard();
        session.setOutput(new java.io.PrintWriter(java.io.Writer.nullWriter()));
        session.evaluate("let a = 1");
        session.evaluate("let t = zeros(40, 40)");
        assertEquals(List.of("a", "t"), List.copyOf(session.globals().keySet()));
        assertEquals("1", session.globals().get("a"));
        assertTrue(session.globals().get("t").startsWith("tensor"), session.globals().get("t"));
        session.reset();
        assertTrue(session.globals().isEmpty());
    }
}
