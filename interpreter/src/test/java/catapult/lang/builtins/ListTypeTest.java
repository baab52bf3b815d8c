package catapult.lang.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Type#listOf} checks and converts item by item, and its messages say which item is wrong. */
class ListTypeTest {
    private static final Type SIZES = Type.nonEmptyListOf(Type.POSITIVE_INT, "positive integers");

    @Test
    void acceptsAListWhoseEveryItemHasTheElementType() {
        assertTrue(SIZES.accepts(List.of(1.0, 2.0)));
        assertEquals(List.of(1.0, 2.0), SIZES.convert(List.of(1.0, 2.0)));
        assertEquals("a non-empty list of positive integers", SIZES.description());
        assertEquals("list[int]", SIZES.docName());
    }

    @Test
    void namesTheFirstBadItemCountingFromOne() {
        assertFalse(SIZES.accepts(List.of(3.0, -1.0, "x")));
        assertEquals("a list whose element [1] is -1", SIZES.describeRejected(List.of(3.0, -1.0, "x")));
        assertEquals("a list whose element [0] is \"x\"", SIZES.describeRejected(List.of("x")));
    }

    @Test
    void theNonEmptyVariantRejectsAnEmptyListAndThePlainOneTakesIt() {
        assertFalse(SIZES.accepts(List.of()));
        assertEquals("an empty list", SIZES.describeRejected(List.of()));
        assertTrue(Type.listOf(Type.NUMBER, "numbers").accepts(List.of()));
    }

    @Test
    void alternativesKeepTheListsExplanationAndOtherValuesAreShownByKind() {
        Type numberOrList = Type.NUMBER.or(Type.nonEmptyListOf(Type.NUMBER, "numbers")).orNone();
        assertEquals("a number or a non-empty list of numbers or none", numberOrList.description());
        assertEquals("a list whose element [1] is true", numberOrList.describeRejected(List.of(1.0, true)));
        assertEquals("\"a\"", numberOrList.describeRejected("a"));
    }

    @Test
    void nestedListsNameTheItemAtEachLevel() {
        Type matrix = Type.listOf(Type.listOf(Type.NUMBER, "numbers"), "rows");
        assertEquals("a list whose element [1] is a list whose element [0] is \"z\"",
                matrix.describeRejected(List.of(List.of(1.0), List.of("z"))));
    }
}
