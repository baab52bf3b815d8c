package catapult.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class ReplTest {
    @TempDir
    Path dir;

    private TerminalDriver start(FakeSession session) throws Exception {
        TerminalDriver t = new TerminalDriver(session, dir.resolve("history"));
        t.await(Repl.PROMPT);
        return t;
    }

    @Test
    void echoesValuesAndSurvivesErrors() throws Exception {
        try (TerminalDriver t = start(new FakeSession())) {
            t.type("let x = 42\r");
            t.await(Repl.PROMPT);
            t.type("nope\r");
            String error = t.await(Repl.PROMPT);
            assertTrue(error.contains("<repl>:1:1: unknown name 'nope'"), error);
            assertTrue(error.contains("  ^"), "caret line: " + error);
            assertFalse(error.contains("Exception"), "no stack trace: " + error);
            t.type("x\r");
            assertTrue(t.await(Repl.PROMPT).contains("42"));
            t.type(":quit\r");
            assertEquals(0, t.awaitExit());
        }
    }

    @Test
    void incompleteInputContinuesOnTheNextLine() throws Exception {
        FakeSession session = new FakeSession();
        try (TerminalDriver t = start(session)) {
            t.type("fn f() {\r");
            t.await(Repl.CONTINUATION);
            t.type("  1\r");
            t.await(Repl.CONTINUATION);
            t.type("}\r");
            String shown = t.await(Repl.PROMPT);
            assertTrue(shown.contains("<fn f>"), shown);
        }
    }

    @Test
    void ctrlCInterruptsARunningEvaluationAndKeepsTheSession() throws Exception {
        FakeSession session = new FakeSession();
        try (TerminalDriver t = start(session)) {
            t.type("let before = 7\r");
            t.await(Repl.PROMPT);
            t.type("spin()\r");
            t.await("spinning");
            assertTrue(session.spinning);
            t.type("\u0003");
            String shown = t.await(Repl.PROMPT);
            assertTrue(shown.contains("interrupted: partial result kept"), shown);
            t.type("partial\r");
            assertTrue(t.await(Repl.PROMPT).contains("spun"));
            t.type("before\r");
            assertTrue(t.await(Repl.PROMPT).contains("7"));
        }
    }

    @Test
    void aLineTypedDuringAComputationIsShownOnceAndRunsAfterIt() throws Exception {
        FakeSession session = new FakeSession();
        try (TerminalDriver t = start(session)) {
            t.type("hold()\r");
            t.await("holding");
            t.type("12345\r");
            t.awaitConsumed();
            session.release();
            t.await("held");
            t.await(Repl.PROMPT);
            String after = t.await(Repl.PROMPT);
            assertTrue(after.contains("12345"), "the typed line runs after the computation: " + after);
            String screen = t.plain();
            int shown = screen.split("12345", -1).length - 1;
            assertEquals(2, shown, "typed once, echoed as a value once:\n" + screen);
        }
    }

    @Test
    void ctrlCAtThePromptClearsTheLineAndCtrlDExits() throws Exception {
        try (TerminalDriver t = start(new FakeSession())) {
            t.type("let x = 1");
            t.await("let x = 1");
            t.type("\u0003");
            t.await(Repl.PROMPT);
            t.type("x\r");
            String shown = t.await(Repl.PROMPT);
            assertTrue(shown.contains("unknown name 'x'"), "the cleared line was not run: " + shown);
            t.type("\u0004");
            assertEquals(0, t.awaitExit());
        }
    }

    @Test
    void tabCompletesBuiltinsAndNamedArguments() throws Exception {
        try (TerminalDriver t = start(new FakeSession())) {
            t.type("tr\t");
            t.await("train");
            t.type("(m, st\t");
            t.await("steps:");
            t.type("5)\r");
            String shown = t.await(Repl.PROMPT);
            assertTrue(shown.contains("unknown name 'train(m, steps: 5)'"), shown);
        }
    }

    @Test
    void helpShowsTheBuiltinFromTheRegistry() throws Exception {
        try (TerminalDriver t = start(new FakeSession())) {
            t.type(":help dense\r");
            String help = t.await(Repl.PROMPT);
            assertTrue(help.contains("dense(src, units, bias: false, drop: 0)"), help);
            assertTrue(help.contains("Formula:") && help.contains("1/sqrt(in(v))"), help);
            assertTrue(help.contains("Example:") && help.contains("dense(input(10), 512, drop: 0.5)"), help);
            assertTrue(help.contains("thesis Def. 2.2.2"), help);
            t.type(":help\r");
            String list = t.await(Repl.PROMPT).replace("\r", "");
            for (ReplCommand c : ReplCommands.ALL) {
                assertTrue(list.contains(c.name()), c.name() + " missing in\n" + list);
            }
            assertTrue(list.contains("architectures\n  dense densenet_like\n"), "names under their category:\n" + list);
            assertTrue(list.contains("training\n  train\n"), list);
            assertFalse(list.contains("Trains a model."), "summaries wait for :help <category>:\n" + list);
            t.type(":help training\r");
            assertTrue(t.await(Repl.PROMPT).contains("train  Trains a model."));
            t.type(":help dnse\r");
            assertTrue(t.await(Repl.PROMPT).contains("did you mean 'dense'?"));
        }
    }

    @Test
    void varsResetSaveLoadAndTime() throws Exception {
        Path script = dir.resolve("in.cat");
        Files.writeString(script, "let a = 1\nlet b = 2\n");
        Path saved = dir.resolve("out.cat");
        try (TerminalDriver t = start(new FakeSession())) {
            t.type(":load " + script + "\r");
            t.await(Repl.PROMPT);
            t.type(":vars\r");
            String vars = t.await(Repl.PROMPT);
            assertTrue(vars.contains("a = 1") && vars.contains("b = 2"), vars);
            t.type("bad\r");
            t.await(Repl.PROMPT);
            t.type(":time 5\r");
            String timed = t.await(Repl.PROMPT);
            assertTrue(timed.matches("(?s).*5.*time: [0-9.]+ (µs|ms|s).*"), timed);
            t.type(":save " + saved + "\r");
            t.await("saved 2 inputs");
            t.await(Repl.PROMPT);
            assertEquals("import \"" + script + "\"\n5\n", Files.readString(saved));
            t.type(":reset\r");
            t.await(Repl.PROMPT);
            t.type(":vars\r");
            assertTrue(t.await(Repl.PROMPT).contains("(no variables)"));
            t.type(":frobnicate\r");
            assertTrue(t.await(Repl.PROMPT).contains("unknown command :frobnicate"));
        }
    }

    @Test
    void historyPersistsAcrossSessions() throws Exception {
        try (TerminalDriver t = start(new FakeSession())) {
            t.type("let remembered = 3\r");
            t.await(Repl.PROMPT);
            t.type(":quit\r");
            t.awaitExit();
        }
        assertTrue(Files.readString(dir.resolve("history")).contains("let remembered = 3"));
        try (TerminalDriver t = start(new FakeSession())) {
            t.type("\u001bOA\u001bOA");
            t.await("let remembered = 3");
        }
    }
}
