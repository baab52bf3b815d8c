package catapult.lang.codec;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An ND4J array as {dtype, shape, data}: its elements in row-major order, little-endian, in
 * base64 — bit for bit (NaN payloads and signed zeros included), whatever the array's layout.
 * Float types keep their width; integer and boolean arrays travel as 64-bit integers.
 */
final class TensorBytes {
    private TensorBytes() {}

    static Map<String, Object> encode(INDArray a) {
        Map<String, Object> out = new LinkedHashMap<>();
        DataType type = a.dataType();
        out.put("dtype", type.name());
        List<Object> shape = new ArrayList<>();
        for (long s : a.shape()) shape.add((double) s);
        out.put("shape", shape);
        out.put("data", Base64.getEncoder().encodeToString(bytes(a)));
        return out;
    }

    static INDArray decode(Map<?, ?> in) {
        DataType type = DataType.valueOf((String) in.get("dtype"));
        List<?> dims = (List<?>) in.get("shape");
        long[] shape = new long[dims.size()];
        for (int i = 0; i < shape.length; i++) shape[i] = ((Number) dims.get(i)).longValue();
        ByteBuffer data = ByteBuffer.wrap(Base64.getDecoder().decode((String) in.get("data"))).order(ByteOrder.LITTLE_ENDIAN);
        long n = 1;
        for (long s : shape) n *= s;
        if (n == 0) return Nd4j.create(type, shape);
        if (type == DataType.DOUBLE) {
            double[] v = new double[(int) n];
            data.asDoubleBuffer().get(v);
            return shape.length == 0 ? Nd4j.scalar(v[0]) : Nd4j.create(v, shape, DataType.DOUBLE);
        }
        if (type.isFPType()) {
            float[] v = new float[(int) n];
            data.asFloatBuffer().get(v);
            INDArray f = shape.length == 0 ? Nd4j.scalar(v[0]) : Nd4j.create(v, shape, DataType.FLOAT);
            return type == DataType.FLOAT ? f : f.castTo(type);
        }
        long[] v = new long[(int) n];
        data.asLongBuffer().get(v);
        INDArray l = Nd4j.createFromArray(v).reshape('c', shape);
        return type == DataType.LONG ? l : l.castTo(type);
    }

    private static byte[] bytes(INDArray a) {
        long n = a.length();
        if (n == 0) return new byte[0];
        INDArray c = a.dup('c');
        DataType type = a.dataType();
        ByteBuffer out;
        if (type == DataType.DOUBLE) {
            out = ByteBuffer.allocate(Math.toIntExact(8 * n)).order(ByteOrder.LITTLE_ENDIAN);
            out.asDoubleBuffer().put(c.data().asDouble(), 0, (int) n);
        } else if (type.isFPType()) {
            float[] v = (type == DataType.FLOAT ? c : c.castTo(DataType.FLOAT)).data().asFloat();
            out = ByteBuffer.allocate(Math.toIntExact(4 * n)).order(ByteOrder.LITTLE_ENDIAN);
            out.asFloatBuffer().put(v, 0, (int) n);
        } else {
            out = ByteBuffer.allocate(Math.toIntExact(8 * n)).order(ByteOrder.LITTLE_ENDIAN);
            out.asLongBuffer().put(c.castTo(DataType.LONG).data().asLong(), 0, (int) n);
        }
        return out.array();
    }
}
