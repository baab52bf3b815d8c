package catapult.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import catapult.lang.errors.RuntimeError;
import catapult.lang.session.Session;
import catapult.lang.session.SessionSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Arguments are checked once, where the builtin is called: each bad argument gives one positioned
 * error that names the builtin once and says what was wrong, whichever layer used to check it.
 */
class BoundaryValidationTest {
    private final Session session = Session.standard(SessionSettings.defaults()
            .withOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));

    private static final String SETUP = """
            arch fcn() { output(dense(relu(dense(input(2), 16)), 1)) }
            let data = mixture(8, d: 2, seed: 0)
            let net = init(fcn, seed: 0)
            """;

    private RuntimeError error(String line) {
        RuntimeError e = assertThrows(RuntimeError.class, () -> session.run(SETUP + line, "v.cat"), line);
        assertEquals(4, e.span().line(), e.format());
        assertFalse(e.getMessage().contains("train: train:"), e.getMessage());
        return e;
    }

    @Test
    void anEmptyModelListIsOneBoundaryError() {
        assertEquals("train: argument 'model' must be a model or a non-empty list of models, got an empty list",
                error("train([], data, gd(0.1), steps: 1)").getMessage());
    }

    @Test
    void aListHoldingANumberNamesTheItem() {
        assertEquals("train: argument 'model' must be a model or a non-empty list of models, got a list whose element [1] is 3",
                error("train([net, 3], data, gd(0.1), steps: 1)").getMessage());
    }

    @Test
    void negativeStepsAreCaughtByTheParameterType() {
        assertEquals("train: argument 'steps' must be a non-negative integer, got -1",
                error("train(net, data, gd(0.1), steps: -1)").getMessage());
    }

    @Test
    void engineInvariantsReachTheUserOncePrefixedByTheBuiltinThatRan() {
        String m = error("train([net, net], data, gd(0.1), steps: 1)").getMessage();
        assertTrue(m.startsWith("train: the same model"), m);
        assertEquals(1, m.split("train:", -1).length - 1, m);
    }

    @Test
    void decayRatesOfOneAreRefusedWhereTheOptimizerIsMade() {
        assertEquals("momentum: argument 'beta' must be a number in [0, 1), got 1",
                error("momentum(0.1, beta: 1)").getMessage());
    }

    @Test
    void otherListParametersNameTheirBadItem() {
        assertEquals("split: argument 'sizes' must be a non-empty list of positive integers, got a list whose element [1] is 0",
                error("split(data, [4, 0])").getMessage());
        assertEquals("table: argument 'rows' must be a list of records, got a list whose element [0] is 1",
                error("table([1])").getMessage());
        assertEquals("dense: argument 'src' must be a node or a non-empty list of nodes, got a list whose element [0] is \"x\"",
                error("arch bad() { output(dense([\"x\"], 1)) }\ninit(bad)").getMessage());
    }
}
