package catapult.lang.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import catapult.lang.session.Session;
import catapult.lang.session.SessionSettings;
import catapult.lang.errors.ResolveError;
import catapult.lang.errors.RuntimeError;
import catapult.lang.value.Record;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Record keys: names, numbers and strings, where a string key's ${...} is interpolated like any string. */
class RecordKeysTest {
    private final Session interp = Session.standard(SessionSettings.defaults()
            .withOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));

    @Test
    void stringKeysAreInterpolated() {
        Record r = (Record) interp.run("let r = 0.5\n{\"${r} x\": 1, \"lr_${2 * r}\": 2}", "<t>");
        assertEquals(List.of("0.5 x", "lr_1"), List.copyOf(r.asMap().keySet()));
        assertEquals(1.0, r.asMap().get("0.5 x"));
    }

    @Test
    void keysBuiltInALoopDiffer() {
        Object built = interp.run("let out = {}\nfor w in [64, 128] { out = record(out, {\"width_${w}\": w}) }\nkeys(out)", "<t2>");
        assertEquals(List.of("width_64", "width_128"), built);
    }

    @Test
    void plainKeysStayAsWritten() {
        Record r = (Record) interp.run("{a: 1, \"b c\": 2, 15: 3, \"\\${x}\": 4}", "<t>");
        assertEquals(List.of("a", "b c", "15", "${x}"), List.copyOf(r.asMap().keySet()));
    }

    @Test
    void anInterpolatedKeyIsResolvedAndCheckedForDuplicates() {
        assertThrows(ResolveError.class, () -> interp.run("{\"${nowhere}\": 1}", "<t>"));
        RuntimeError e = assertThrows(RuntimeError.class, () -> interp.run("let k = \"a\"\n{a: 1, \"${k}\": 2}", "<t>"));
        assertTrue(e.getMessage().contains("field 'a' given twice"), e.getMessage());
    }
}
