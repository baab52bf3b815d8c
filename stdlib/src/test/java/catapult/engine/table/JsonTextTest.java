package catapult.engine.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/**
 * NaN and infinities survive a JSON round trip (issue 15: they were written as null, so a
 * diverged run did not load back equal); deep nesting is refused rather than overflowing the
 * stack; the streaming writer gives the same text as the string writer.
 */
class JsonTextTest {
    @Test
    void nonFiniteNumbersRoundTripAsPythonSpellsThem() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("loss", Arrays.asList(1.5, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY));
        String text = JsonText.write(m);
        assertEquals("{\"loss\": [1.5, NaN, Infinity, -Infinity]}", text);
        assertEquals(m, JsonText.read(text));
        assertEquals(List.of(Double.NaN), JsonText.read(" [ NaN ] "));
    }

    @Test
    void nestingDeeperThanAThousandLevelsIsABadFileNotAStackOverflow() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JsonText.read(deep));
        assertTrue(e.getMessage().contains("nested deeper than 1000 levels"), e.getMessage());
        assertEquals(List.of(List.of()), JsonText.read("[[]]"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> JsonText.read("\"\\uZZZZ\"")).getMessage()
                .contains("bad \\u escape"));
    }

    @Test
    void theStreamingWriterWritesWhatTheStringWriterDoes() throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("big", Nd4j.linspace(1, 100_000, 100_000).reshape(1000, 100));
        m.put("vec", Nd4j.createFromArray(1.0, Double.NaN));
        m.put("scalar", Nd4j.scalar(3.0));
        StringWriter w = new StringWriter();
        JsonText.write(m, w);
        assertEquals(JsonText.write(m), w.toString());
        assertTrue(w.toString().startsWith("{\"big\": [[1, 2, 3,"), w.toString().substring(0, 40));
        assertTrue(w.toString().endsWith("\"vec\": [1, NaN], \"scalar\": [3]}"));
    }
}
