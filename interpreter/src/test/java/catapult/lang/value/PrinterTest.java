package catapult.lang.value;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/** LANGUAGE.md "Printing": 6 significant digits, integral numbers bare, NumPy-style tensors. */
class PrinterTest {
    @Test
    void numbers() {
        assertEquals("5050", Printer.number(5050));
        assertEquals("0.333333", Printer.number(1.0 / 3));
        assertEquals("1e-08", Printer.number(1e-8));
        assertEquals("3.5", Printer.number(3.5));
        assertEquals("-0.25", Printer.number(-0.25));
        assertEquals("1.23457e+06", Printer.number(1234567.5));
        assertEquals("nan", Printer.number(Double.NaN));
        assertEquals("-inf", Printer.number(Double.NEGATIVE_INFINITY));
    }

    @Test
    void containers() {
        assertEquals("[1, 2, 3]", Printer.show(Arrays.asList(1.0, 2.0, 3.0)));
        assertEquals("{lr: 0.5, width: 512}", Printer.show(Record.of("lr", 0.5, "width", 512.0)));
        assertEquals("[\"a\", none, true]", Printer.show(Arrays.asList("a", null, true)));
        assertEquals("text", Printer.show("text"));
    }

    @Test
    void tensorsPrintLikeNumpy() {
        assertEquals("[[1. 2.]\n [3. 4.]]", Printer.show(new Tensor(Nd4j.create(new float[] {1, 2, 3, 4}, new long[] {2, 2}))));
        assertEquals("[0.5  0.25 1.  ]", Printer.show(new Tensor(Nd4j.create(new float[] {0.5f, 0.25f, 1}))));
        assertEquals("[ 1.5  -2.25]", Printer.show(new Tensor(Nd4j.create(new float[] {1.5f, -2.25f}))));
        assertEquals("[1.e-05 1.e+00]", Printer.show(new Tensor(Nd4j.create(new float[] {1e-5f, 1}))));
        assertEquals("[0.1 0.2]", Printer.show(new Tensor(Nd4j.create(new float[] {0.1f, 0.2f}))));
        assertEquals("[0.33333333]", Printer.show(new Tensor(Nd4j.create(new double[] {1.0 / 3}))));
    }

    @Test
    void largeTensorsAreSummarized() {
        String s = Printer.show(new Tensor(Nd4j.create(new double[2000]).addi(0.5)));
        assertEquals(true, s.contains("..."), s);
        assertEquals(true, s.length() < 200, s);
    }
}
