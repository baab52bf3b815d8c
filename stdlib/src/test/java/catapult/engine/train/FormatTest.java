package catapult.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FormatTest {

    @Test
    void followsTheLanguagePrintingRule() {
        assertEquals("3", Format.number(3.0));
        assertEquals("5050", Format.number(5050));
        assertEquals("0.333333", Format.number(1.0 / 3));
        assertEquals("1e-08", Format.number(1e-8));
        assertEquals("1.5e+07", Format.number(1.5e7 + 0.5));
        assertEquals("123457", Format.number(123456.7));
        assertEquals("0.0001", Format.number(1e-4));
        assertEquals("-2.5", Format.number(-2.5));
        assertEquals("nan", Format.number(Double.NaN));
        assertEquals("-inf", Format.number(Double.NEGATIVE_INFINITY));
    }
}
