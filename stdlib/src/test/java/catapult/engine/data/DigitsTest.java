package catapult.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DigitsTest {

    @Test
    void theShippedSetHasItsDocumentedShapeCountsAndRange() {
        Dataset d = Digits.load(ReadOptions.all());
        assertEquals(1797, d.n());
        assertArrayEquals(new long[] {8, 8, 1}, d.inputShape());
        assertEquals(64, d.d());
        assertEquals(10, d.k());
        double[] counts = d.y().sum(0).toDoubleVector();
        assertArrayEquals(new double[] {178, 182, 177, 183, 181, 182, 181, 179, 174, 180}, counts, 0);
        assertEquals(0, d.x().minNumber().doubleValue(), 0);
        assertEquals(1, d.x().maxNumber().doubleValue(), 0);
        // first row of the file: 0,0,5,13,9,1,0,0,... label 0
        assertEquals(5 / 16.0, d.x().getDouble(0, 0, 2, 0), 1e-7);
        assertEquals(13 / 16.0, d.x().getDouble(0, 0, 3, 0), 1e-7);
        assertEquals("dataset(n=1797, d=64, k=10, digits)", d.describe());
    }

    @Test
    void followsTheDefaultFloatingTypeForFloat64Experiments() {
        org.nd4j.linalg.api.buffer.DataType saved = org.nd4j.linalg.factory.Nd4j.defaultFloatingPointType();
        try {
            org.nd4j.linalg.factory.Nd4j.setDefaultDataTypes(org.nd4j.linalg.api.buffer.DataType.DOUBLE,
                    org.nd4j.linalg.api.buffer.DataType.DOUBLE);
            catapult.numerics.Precision.set(org.nd4j.linalg.api.buffer.DataType.DOUBLE);
            Dataset d = Digits.load(ReadOptions.all().withClasses(0, 1).withN(5));
            assertEquals(org.nd4j.linalg.api.buffer.DataType.DOUBLE, d.x().dataType());
            assertEquals(org.nd4j.linalg.api.buffer.DataType.DOUBLE, d.y().dataType());
            double[] pixels = d.x().reshape(-1).toDoubleVector();
            for (double p : pixels) {
                assertEquals(Math.round(p * 16) / 16.0, p, 0, "pixels are exact multiples of 1/16");
            }
        } finally {
            org.nd4j.linalg.factory.Nd4j.setDefaultDataTypes(saved, saved);
            catapult.numerics.Precision.set(saved);
        }
    }

    @Test
    void classSubsetAndSeededSample() {
        Dataset d = Digits.load(ReadOptions.all().withClasses(0, 1).withN(100).withSeed(2));
        assertEquals(100, d.n());
        assertEquals(1, d.k());
        assertTrue(d.y().gt(0).castTo(d.y().dataType()).sumNumber().doubleValue() > 30);
        assertEquals("dataset(n=100, d=64, k=1, digits 0/1)", d.describe());
        assertEquals(d.x(), Digits.load(ReadOptions.all().withClasses(0, 1).withN(100).withSeed(2)).x());
    }
}
