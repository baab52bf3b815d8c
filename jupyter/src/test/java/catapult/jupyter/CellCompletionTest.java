package catapult.jupyter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import catapult.api.Catapult;
import catapult.repl.InterpreterSession;
import org.junit.jupiter.api.Test;

/** Completion and Shift-Tab help in a notebook cell, from the builtin registry and the session. */
class CellCompletionTest {
    private final Catapult cat = Catapult.create();
    private final InterpreterSession session = new InterpreterSession(cat.session());

    @Test
    void namesByPrefixWithTheReplacedSpan() {
        cat.eval("let printed_total = 1");
        CellCompletion.Matches m = CellCompletion.at("x = pri", 7, session);
        assertEquals(4, m.start());
        assertEquals(7, m.end());
        assertTrue(m.items().contains("print") && m.items().contains("printed_total"), m.items().toString());
        assertTrue(m.items().stream().allMatch(s -> s.startsWith("pri")));
    }

    @Test
    void fieldsAfterADot() {
        cat.eval("let cfg = {lr: 0.5, layers: 2}");
        CellCompletion.Matches m = CellCompletion.at("cfg.l", 5, session);
        assertEquals(java.util.List.of("layers", "lr"), m.items());
        assertEquals(4, m.start());
    }

    @Test
    void namedArgumentsOfTheBuiltinBeingCalled() {
        CellCompletion.Matches m = CellCompletion.at("dense(x, 10, dr", 15, session);
        assertEquals("drop: ", m.items().get(0));
    }

    @Test
    void inspectionShowsBuiltinHelpAndVariables() {
        assertTrue(CellInspection.at("dense(", 6, cat.session()).startsWith("dense(src, units"));
        cat.eval("let width = 512");
        assertEquals("width: number\n512", CellInspection.at("width * 2", 2, cat.session()));
        assertNull(CellInspection.at("  ", 1, cat.session()));
    }
}
