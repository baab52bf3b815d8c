package catapult.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jline.reader.Candidate;
import org.junit.jupiter.api.Test;

class CompletionTest {
    private static CompletionContext at(String line) {
        return CompletionContext.at(line, line.length());
    }

    @Test
    void recognisesWhatIsBeingTyped() {
        assertEquals(CompletionContext.Kind.COMMAND, at(":he").kind());
        assertEquals(CompletionContext.Kind.HELP_TOPIC, at(":help den").kind());
        assertEquals("den", at(":help den").prefix());
        assertEquals(CompletionContext.Kind.FILE, at(":load scripts/ex").kind());
        assertEquals("scripts/ex", at(":load scripts/ex").prefix());
        assertEquals(CompletionContext.Kind.NONE, at("print(\"lo").kind(), "inside a string");
        assertEquals(CompletionContext.Kind.NONE, at("x # comm").kind(), "inside a comment");
        assertEquals(CompletionContext.Kind.NONE, at("1..1").kind(), "a number, not a field");
    }

    @Test
    void fieldAfterADotOfANameChain() {
        CompletionContext c = at("print(run.final.lo");
        assertEquals(CompletionContext.Kind.FIELD, c.kind());
        assertEquals("run.final", c.target());
        assertEquals("lo", c.prefix());
        assertEquals(CompletionContext.Kind.FIELD, at("run.").kind());
        assertEquals(CompletionContext.Kind.NONE, at("f(x).").kind(), "never evaluates calls to complete");
    }

    @Test
    void namedArgumentsOfTheInnermostCall() {
        assertEquals("dense", at("let h = relu(dense(x, 10, dr").target());
        assertEquals("relu", at("let h = relu(dense(x, 10), ").target());
        assertEquals("sgd", at("train(net, data, sgd(0.5, ba").target());
        assertEquals("train", at("train(net, [a, b], st").target());
        assertNull(at("let xs = [dr").target());
        assertEquals("fit", at("net.fit(x, lr").target(), "method-call sugar names the builtin");
        assertEquals(CompletionContext.Kind.CODE, at("").kind());
    }

    @Test
    void candidatesComeFromTheSession() {
        FakeSession session = new FakeSession();
        session.setOutput(new java.io.PrintWriter(java.io.Writer.nullWriter()));
        session.evaluate("let run = 3");
        ReplCompleter completer = new ReplCompleter(session);
        List<String> code = values(completer.candidates(at("dense(h, 10, ")));
        assertEquals(List.of("src:", "units:", "bias:", "drop:"), code.subList(0, 4), "named arguments first");
        assertTrue(code.containsAll(List.of("run", "let", "while", "dense", "train")), code.toString());
        assertEquals(List.of("loss", "lr", "steps", "final"), values(completer.candidates(at("run.l"))));
        assertTrue(values(completer.candidates(at(":"))).containsAll(List.of(":help", ":load", ":quit")));
        assertTrue(values(completer.candidates(at(":help "))).containsAll(List.of("dense", "train", ":save")));
    }

    private static List<String> values(List<Candidate> candidates) {
        return candidates.stream().map(Candidate::value).toList();
    }

    @Test
    void inputParserAsksForMoreWhenIncomplete() {
        InputParser parser = new InputParser(new FakeSession());
        org.junit.jupiter.api.Assertions.assertThrows(org.jline.reader.EOFError.class,
                () -> parser.parse("fn f() {", 8, org.jline.reader.Parser.ParseContext.ACCEPT_LINE));
        parser.parse(":help dense(", 12, org.jline.reader.Parser.ParseContext.ACCEPT_LINE);
        parser.parse("fn f() {", 8, org.jline.reader.Parser.ParseContext.COMPLETE);
        assertEquals("dr", parser.parse("dense(x, dr", 11, org.jline.reader.Parser.ParseContext.COMPLETE).word());
    }

    @Test
    void highlighterStylesEachKindOfToken() {
        SyntaxHighlighter h = new SyntaxHighlighter(new FakeSession().keywords(), java.util.Set.of("dense"));
        String src = "let h = dense(x, 1e-3) # note \"q\"";
        var s = h.highlight(src);
        assertEquals(src, s.toString(), "highlighting never changes the text");
        assertEquals(SyntaxHighlighter.KEYWORD, s.styleAt(0));
        assertEquals(SyntaxHighlighter.BUILTIN, s.styleAt(src.indexOf("dense")));
        assertEquals(SyntaxHighlighter.NUMBER, s.styleAt(src.indexOf("1e-3") + 3));
        assertEquals(SyntaxHighlighter.COMMENT, s.styleAt(src.indexOf("\"q\"")));
        var str = h.highlight("print(\"lr = ${lr}");
        assertEquals(SyntaxHighlighter.STRING, str.styleAt(str.length() - 1), "unterminated string still highlighted");
    }
}
