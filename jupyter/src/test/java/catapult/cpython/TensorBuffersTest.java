package catapult.cpython;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import catapult.lang.value.Tensor;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** Tensors as flat C-order primitive arrays and back, the form numpy arrays cross in. */
class TensorBuffersTest {
    @Test
    void floatTensorKeepsItsTypeAndRowMajorOrder() {
        Tensor t = TensorBuffers.fromFloats(new float[] {1, 2, 3, 4, 5, 6}, new long[] {2, 3}, DataType.FLOAT);
        assertEquals("float32", TensorBuffers.dtype(t));
        assertArrayEquals(new long[] {2, 3}, TensorBuffers.shape(t));
        assertEquals(6f, t.array().getFloat(1, 2));
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, (float[]) TensorBuffers.data(t));
    }

    @Test
    void viewsAndColumnMajorArraysComeOutInRowMajorOrder() {
        Tensor transposed = new Tensor(Nd4j.create(new float[] {1, 2, 3, 4, 5, 6}, new long[] {2, 3}, DataType.FLOAT).transpose());
        assertArrayEquals(new float[] {1, 4, 2, 5, 3, 6}, (float[]) TensorBuffers.data(transposed));
        Tensor row = new Tensor(Nd4j.create(new double[] {1, 2, 3, 4}, new long[] {2, 2}, DataType.DOUBLE).getRow(1));
        assertEquals("float64", TensorBuffers.dtype(row));
        assertArrayEquals(new double[] {3, 4}, (double[]) TensorBuffers.data(row));
    }

    @Test
    void elementsComeInInTheRequestedPrecision() {
        Tensor t = TensorBuffers.fromDoubles(new double[] {0.5, 1.5}, new long[] {2}, DataType.FLOAT);
        assertEquals(DataType.FLOAT, t.array().dataType());
        assertEquals(1.5, t.array().getDouble(1));
        assertEquals(DataType.DOUBLE, TensorBuffers.fromFloats(new float[] {2}, new long[] {1}, DataType.DOUBLE).array().dataType());
    }

    @Test
    void emptyAndScalarShapes() {
        assertArrayEquals(new long[] {0, 3}, TensorBuffers.shape(TensorBuffers.fromFloats(new float[0], new long[] {0, 3}, DataType.FLOAT)));
        Tensor scalar = TensorBuffers.fromFloats(new float[] {7}, new long[0], DataType.FLOAT);
        assertEquals(0, scalar.rank());
        assertArrayEquals(new float[] {7}, (float[]) TensorBuffers.data(scalar));
    }

    @Test
    void dataThatDoesNotFillTheShapeIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TensorBuffers.fromFloats(new float[] {1, 2, 3}, new long[] {2, 2}, DataType.FLOAT));
        assertEquals("tensor data has 3 elements, shape [2, 2] needs 4", e.getMessage());
    }
}
