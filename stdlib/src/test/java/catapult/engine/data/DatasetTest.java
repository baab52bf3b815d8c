package catapult.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class DatasetTest {

    /** Row i of x holds the values 10 i + j, y_i = i. */
    private static Dataset counting(int n, long... shape) {
        long[] full = new long[shape.length + 1];
        full[0] = n;
        System.arraycopy(shape, 0, full, 1, shape.length);
        long per = java.util.Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        INDArray x = Nd4j.linspace(0, n * per - 1, n * per).reshape('c', full);
        return Dataset.of(x, Nd4j.linspace(0, n - 1, n), "counting");
    }

    @Test
    void fieldsAndDescription() {
        Dataset d = counting(6, 3);
        assertEquals(6, d.n());
        assertEquals(3, d.d());
        assertEquals(1, d.k());
        assertEquals("dataset(n=6, d=3, k=1, counting)", d.describe());
        Dataset img = counting(4, 2, 2, 3);
        assertEquals(12, img.d());
        assertArrayEquals(new long[] {2, 2, 3}, img.inputShape());
        assertArrayEquals(new long[] {4, 12}, img.xFlat().shape());
    }

    @Test
    void slicesWithNegativeAndClampedBoundsLikePython() {
        Dataset d = counting(6, 3);
        assertArrayEquals(new double[] {2, 3}, d.slice(2, 4).y().toDoubleVector(), 0);
        assertArrayEquals(new double[] {4, 5}, d.slice(-2, 6).y().toDoubleVector(), 0);
        assertArrayEquals(new double[] {0, 1, 2, 3, 4}, d.slice(0, -1).y().toDoubleVector(), 0);
        assertArrayEquals(new double[] {3, 4, 5}, d.slice(3, 100).y().toDoubleVector(), 0);
        assertArrayEquals(new double[] {12, 13, 14}, d.slice(4, 5).x().toDoubleVector(), 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> d.slice(4, 2));
        assertTrue(e.getMessage().contains("[4:2]") && e.getMessage().contains("empty"), e.getMessage());
    }

    @Test
    void rowsGatherImagesAndLabelsTogether() {
        Dataset img = counting(5, 2, 2, 1);
        Dataset picked = img.rows(new int[] {3, -1, 0});
        assertArrayEquals(new double[] {3, 4, 0}, picked.y().toDoubleVector(), 0);
        assertArrayEquals(new long[] {3, 2, 2, 1}, picked.x().shape());
        assertArrayEquals(new double[] {16, 17, 18, 19}, picked.xFlat().getRow(1).toDoubleVector(), 0);
        assertThrows(IllegalArgumentException.class, () -> img.rows(new int[] {5}));
    }

    @Test
    void mismatchedRowsAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Dataset.of(Nd4j.zeros(3, 2), Nd4j.zeros(4, 1), ""));
        assertTrue(e.getMessage().contains("x has 3 rows but y has 4"), e.getMessage());
    }
}
