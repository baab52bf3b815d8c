package catapult.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;

import catapult.engine.table.Table;
import catapult.lang.session.Session;
import catapult.lang.session.SessionSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code phases} takes its learning rates as a list or as a tensor (the docs' {@code [...] * critical_lr(...)}). */
class PhasesBuiltinTest {
    private final Session interp = Session.standard(SessionSettings.defaults()
            .withOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));

    private static final String SETUP = """
            arch fcn(width = 256) { output(dense(relu(dense(input(2), width, bias: true)), 1)) }
            let data = mixture(32, d: 2, seed: 0)
            let net = init(fcn, seed: 0)
            """;

    @Test
    void aTensorOfRatiosTimesTheCriticalRateLabelsTheThreeRegimes() {
        Table t = ((TableValue) interp.run(SETUP
                + "phases(quadratic(net), data, [0.5, 1.5, 2.5] * critical_lr(net, data), steps: 50)", "<t>")).table();
        assertEquals(List.of("monotone", "catapult", "diverged"), t.col("label"));
        double[] ratio = t.numbers("lr_over_crit");
        assertEquals(0.5, ratio[0], 1e-6);
        assertEquals(2.5, ratio[2], 1e-6);
    }

    @Test
    void aListKeepsItsLearningRatesExactly() {
        Table t = ((TableValue) interp.run(SETUP + "phases(quadratic(net), data, [0.001, 0.002], steps: 5)", "<t>")).table();
        assertEquals(List.of(0.001, 0.002), t.col("lr"));
    }
}
