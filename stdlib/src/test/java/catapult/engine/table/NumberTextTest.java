package catapult.engine.table;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NumberTextTest {

    @Test
    void followsTheLanguagePrintingRule() {
        assertEquals("3", NumberText.number(3.0));
        assertEquals("5050", NumberText.number(5050));
        assertEquals("0.333333", NumberText.number(1.0 / 3));
        assertEquals("1e-08", NumberText.number(1e-8));
        assertEquals("1.5e+07", NumberText.number(1.5e7 + 0.5));
        assertEquals("123457", NumberText.number(123456.7));
        assertEquals("0.0001", NumberText.number(1e-4));
        assertEquals("-2.5", NumberText.number(-2.5));
        assertEquals("nan", NumberText.number(Double.NaN));
        assertEquals("-inf", NumberText.number(Double.NEGATIVE_INFINITY));
    }

    @Test
    void exactTextReadsBackAsTheSameDouble() {
        assertEquals("0.1", NumberText.exact(0.1));
        assertEquals("0.3333333333333333", NumberText.exact(1.0 / 3));
        assertEquals("1e-08", NumberText.exact(1e-8));
        assertEquals("5050", NumberText.exact(5050));
        assertEquals("0.0001", NumberText.exact(1e-4));
        assertEquals("1.2345678901234567e+20", NumberText.exact(1.2345678901234567e20));
        assertEquals("nan", NumberText.exact(Double.NaN));
        assertEquals("-0", NumberText.exact(-0.0));   // the sign survives a CSV round trip
        assertEquals(Double.doubleToLongBits(-0.0), Double.doubleToLongBits(Double.parseDouble(NumberText.exact(-0.0))));
        java.util.Random r = new java.util.Random(0);
        for (int i = 0; i < 3_000; i++) {
            double x = Double.longBitsToDouble(r.nextLong());
            if (!Double.isFinite(x)) continue;
            assertEquals(x, Double.parseDouble(NumberText.exact(x)), NumberText.exact(x));
            double f = (float) (r.nextGaussian() * Math.pow(10, r.nextInt(20) - 10));
            assertEquals(f, Double.parseDouble(NumberText.exact(f)));
        }
    }
}
