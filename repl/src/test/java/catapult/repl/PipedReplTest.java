package catapult.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The REPL on piped input (no terminal): the same :commands, multi-line entries and messages as in a terminal. */
class PipedReplTest {

    private static String transcript(String input) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Repl.startPiped(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out,
                InterpreterSession.standard());
        assertEquals(0, code);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void commandsWorkOnPipedInput() throws Exception {
        String out = transcript(":help relu\nlet x = 2\n:vars\n:nope\n");
        assertTrue(out.contains("relu("), out);
        assertTrue(out.contains("x = 2"), ":vars lists x: " + out);
        assertTrue(out.contains("unknown command :nope (:help lists the commands)"), out);
        assertFalse(out.contains("unexpected ':'"), out);
    }

    @Test
    void multiLineEntriesAndErrorsKeepTheSession() throws Exception {
        String out = transcript("fn add(a, b) {\n  a + b\n}\nadd(2, 3)\nnope + 1\nadd(1, 1)\n");
        assertTrue(out.contains("...> "), "a continuation prompt for the open brace: " + out);
        assertTrue(out.contains("5\n"), out);
        assertTrue(out.contains("<repl"), "a positioned error: " + out);
        assertTrue(out.contains("unknown name 'nope'"), out);
        assertTrue(out.contains("2\n"), "the session survives the error: " + out);
    }

    @Test
    void quitStopsReading() throws Exception {
        String out = transcript("1 + 1\n:quit\n40 + 2\n");
        assertTrue(out.contains("2\n"), out);
        assertFalse(out.contains("42"), out);
    }
}
