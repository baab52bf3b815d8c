package catapult.engine.data;

import catapult.lang.builtins.Cancellation;
import catapult.lang.builtins.MemoryBudget;
import java.nio.ByteBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A NumPy {@code .npy} array decoded by our own code rather than ND4J's native loader (which
 * crashes the JVM on a truncated or string-typed file): the header is validated first
 * ({@link NpyHeader}), the memory the decoded values need is checked ({@link MemoryBudget}),
 * then the elements are read in either byte order and C or Fortran order.
 *
 * @param values the elements in C order, as doubles
 * @param shape  the array's shape
 * @param dtype  the NumPy type code without byte order, e.g. "f4", "u1"
 */
record NpyArray(double[] values, long[] shape, String dtype) {

    /** Validates and decodes the bytes of a whole .npy file. */
    static NpyArray parse(String reader, String file, byte[] b) {
        NpyHeader h = NpyHeader.parse(reader, file, b);
        String problem = MemoryBudget.check("its " + NpyHeader.shapeText(h.shape()) + " elements", h.count() * (8.0 + 8.0 + 4.0));
        if (problem != null) throw new DataFormatException(reader, file, problem);
        if (h.count() > MemoryBudget.MAX_ARRAY) {
            throw new DataFormatException(reader, file, "its " + h.count() + " elements are more than one array can hold");
        }
        ByteBuffer buf = ByteBuffer.wrap(b, h.offset(), (int) (h.count() * h.itemSize())).slice().order(h.order());
        double[] v = new double[(int) h.count()];
        int size = h.itemSize();
        for (int i = 0; i < v.length; i++) {
            Cancellation.poll(i);
            v[i] = element(buf, h.code(), i * size);
        }
        return new NpyArray(h.fortran() ? toCOrder(v, h.shape()) : v, h.shape(), h.code());
    }

    private static double element(ByteBuffer buf, String code, int at) {
        switch (code) {
            case "f4": return buf.getFloat(at);
            case "f8": return buf.getDouble(at);
            case "i1": return buf.get(at);
            case "i2": return buf.getShort(at);
            case "i4": return buf.getInt(at);
            case "i8": return buf.getLong(at);
            case "u2": return buf.getShort(at) & 0xffff;
            case "u4": return buf.getInt(at) & 0xffffffffL;
            case "u8": return unsigned(buf.getLong(at));
            default: return buf.get(at) & 0xff;   // u1, b1
        }
    }

    private static double unsigned(long v) {
        return v >= 0 ? v : (double) (v >>> 1) * 2 + (v & 1);
    }

    private static double[] toCOrder(double[] v, long[] shape) {
        if (shape.length < 2 || v.length == 0) {
            return v;
        }
        return Nd4j.create(v, shape, 'f').dup('c').data().asDouble();
    }

    /** The array in dtype dt, C order (a 0-d array stays a scalar). */
    INDArray toArray(DataType dt) {
        if (shape.length == 0) return Nd4j.scalar(dt, values[0]);
        if (values.length == 0) return Nd4j.create(dt, shape);
        return Nd4j.create(values, shape, 'c').castTo(dt);
    }

    /** float32 and float64 keep their precision; integer and bool data become dt. */
    DataType naturalType(DataType dt) {
        return switch (dtype) {
            case "f4" -> DataType.FLOAT;
            case "f8" -> DataType.DOUBLE;
            default -> dt;
        };
    }

    /** True for uint8 data, which the readers treat as pixels. */
    boolean isUint8() { return "u1".equals(dtype); }
}
