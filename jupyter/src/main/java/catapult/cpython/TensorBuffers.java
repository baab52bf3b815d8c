package catapult.cpython;

import catapult.lang.value.Tensor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Tensors as flat primitive arrays in C (row-major) order plus a shape, the form JPype turns
 * into a numpy array (and back) with one bulk copy. Going out, the tensor's dtype is kept
 * (float32 stays float32); coming in, arrays take the session's precision like tensor literals.
 */
public final class TensorBuffers {
    private TensorBuffers() {}

    /** The numpy name of the tensor's element type: float32, float64, int32, int64 or bool. */
    public static String dtype(Tensor t) {
        return switch (t.array().dataType()) {
            case DOUBLE -> "float64";
            case INT -> "int32";
            case LONG -> "int64";
            case BOOL -> "bool";
            default -> "float32";
        };
    }

    public static long[] shape(Tensor t) { return t.array().shape(); }

    /**
     * The elements in C order as float[] (float32 and other float types), double[] (float64),
     * int[] (int32 and bool, as 0/1) or long[] (int64).
     */
    public static Object data(Tensor t) {
        INDArray a = contiguous(t.array());
        return switch (a.dataType()) {
            case DOUBLE -> a.data().asDouble();
            case INT -> a.data().asInt();
            case BOOL -> a.castTo(DataType.INT).data().asInt();
            case LONG -> a.data().asLong();
            case FLOAT -> a.data().asFloat();
            default -> a.castTo(DataType.FLOAT).data().asFloat();
        };
    }

    /** The array itself when its buffer holds exactly its elements in C order, else a C-order copy. */
    private static INDArray contiguous(INDArray a) {
        boolean exact = !a.isView() && a.ordering() == 'c' && a.offset() == 0 && a.data().length() == a.length();
        return exact ? a : a.dup('c');
    }

    /** A tensor of the given shape from float32 elements in C order, as {@code precision} (FLOAT or DOUBLE). */
    public static Tensor fromFloats(float[] data, long[] shape, DataType precision) {
        check(data.length, shape);
        INDArray a = data.length == 0 ? Nd4j.create(DataType.FLOAT, shape) : Nd4j.create(data, shape, DataType.FLOAT);
        return new Tensor(as(a, precision));
    }

    /** A tensor of the given shape from float64 elements in C order, as {@code precision}. */
    public static Tensor fromDoubles(double[] data, long[] shape, DataType precision) {
        check(data.length, shape);
        INDArray a = data.length == 0 ? Nd4j.create(DataType.DOUBLE, shape) : Nd4j.create(data, shape, DataType.DOUBLE);
        return new Tensor(as(a, precision));
    }

    private static INDArray as(INDArray a, DataType precision) {
        return a.dataType() == precision ? a : a.castTo(precision);
    }

    private static void check(int length, long[] shape) {
        long n = 1;
        for (long s : shape) n *= s;
        if (n != length) {
            throw new IllegalArgumentException("tensor data has " + length + " elements, shape "
                    + java.util.Arrays.toString(shape) + " needs " + n);
        }
    }
}
