package catapult.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import catapult.lang.session.Session;
import catapult.lang.session.SessionSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code hessian_norm} on several inputs is what its docs say: the largest per-input norm, or the mean output's with reduce: "mean". */
class HessianNormBuiltinTest {
    private final Session interp = Session.standard(SessionSettings.defaults()
            .withOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));

    @Test
    void severalRowsGiveTheLargestPerRowNormByDefault() {
        interp.run("""
                arch f() { output(dense(relu(dense(input(3), 64)), 1)) }
                let net = init(f, seed: 0)
                let X = randn(4, 3, seed: 1)
                let each = [hessian_norm(net, X[i:i + 1]) for i in 0..3]
                """, "<t>");
        double max = (Double) interp.run("max(each)", "<m>");
        assertEquals(max, (Double) interp.run("hessian_norm(net, X)", "<a>"), 1e-6 * max, "float32 Lanczos");
        double mean = (Double) interp.run("hessian_norm(net, X, reduce: \"mean\")", "<b>");
        assertTrue(mean < max * 0.99, "the mean output's Hessian " + mean + " is smaller than the largest " + max);
    }
}
