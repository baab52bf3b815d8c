package catapult.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import catapult.engine.table.JsonText;
import catapult.lang.errors.CatapultError;
import catapult.lang.session.Session;
import catapult.lang.session.SessionSettings;
import catapult.lang.syntax.SourceFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Property tests (jqwik) beside the mutation fuzzer: for generated values and programs, the
 * invariants that keep a user's work safe hold, and a failing case is shrunk to a small one.
 */
class RobustnessPropertiesTest {

    /** What `save` writes as JSON reads back equal, non-finite numbers and odd strings included. */
    @Property(tries = 300)
    void jsonRoundTripsEveryValue(@ForAll("jsonValues") Object value) {
        Object back = JsonText.read(JsonText.write(value));
        assertEquals(canonical(value), canonical(back));
    }

    /** Any nesting depth of parentheses, negations or lists ends in a value or a positioned error, never a stack overflow. */
    @Property(tries = 40)
    void deepNestingIsAValueOrAPositionedError(@ForAll @IntRange(min = 1, max = 60_000) int depth,
                                               @ForAll("wrappers") String[] wrapper) {
        String code = wrapper[0].repeat(depth) + "1" + wrapper[1].repeat(depth);
        try (Session session = Session.standard(SessionSettings.defaults())) {
            Object v = session.run(new SourceFile("<deep>", code));
            assertTrue(v != null, "a value for depth " + depth);
        } catch (CatapultError e) {
            String shown = e.format();
            assertTrue(shown.startsWith("<deep>:1:"), "positioned: " + shown);
            assertTrue(shown.contains("^"), "with a caret: " + shown);
        }
    }

    @Provide
    Arbitrary<String[]> wrappers() {
        return Arbitraries.of(new String[]{"(", ")"}, new String[]{"-", ""}, new String[]{"[", "]"},
                new String[]{"not ", ""}, new String[]{"2 ^ ", ""}, new String[]{"{a: ", "}"});
    }

    @Provide
    Arbitrary<Object> jsonValues() {
        return Arbitraries.recursive(this::leaf, this::container, 0, 4);
    }

    private Arbitrary<Object> leaf() {
        return Arbitraries.oneOf(
                Arbitraries.doubles().withSpecialValue(Double.NaN).withSpecialValue(Double.POSITIVE_INFINITY)
                        .withSpecialValue(Double.NEGATIVE_INFINITY).withSpecialValue(-0.0).map(d -> (Object) d),
                Arbitraries.strings().all().ofMaxLength(12).map(s -> (Object) s),
                Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.just(null));
    }

    private Arbitrary<Object> container(Arbitrary<Object> inner) {
        Arbitrary<Object> list = inner.list().ofMaxSize(4).map(l -> (Object) new ArrayList<>(l));
        Arbitrary<Object> map = Arbitraries.maps(Arbitraries.strings().all().ofMaxLength(6), inner).ofMaxSize(4)
                .map(m -> (Object) new LinkedHashMap<>(m));
        return Arbitraries.oneOf(list, map);
    }

    /** Values compared by content, with every double compared by its bits (NaN equals NaN). */
    private static Object canonical(Object v) {
        if (v instanceof Double d) return Double.doubleToLongBits(d);
        if (v instanceof List<?> l) return l.stream().map(RobustnessPropertiesTest::canonical).toList();
        if (v instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(k, canonical(x)));
            return out;
        }
        return v;
    }
}
