package catapult.engine.data;

import catapult.lang.builtins.Cancellation;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Writes a tensor in NumPy's {@code .npy} format (version 1.0, little-endian, C order) to a
 * stream, in chunks, so that {@code save(K, "k.npy")} can go through an atomic file write and
 * a large tensor never needs a second full copy on the Java heap. float64 tensors are written
 * as {@code <f8}, everything else as {@code <f4}; {@link NpyArray} reads them back.
 */
public final class NpyWriter {
    private static final int CHUNK = 1 << 16;

    private NpyWriter() {}

    /** Writes a as an .npy file to out (which the caller closes). */
    public static void write(INDArray a, OutputStream out) throws IOException {
        boolean f8 = a.dataType() == DataType.DOUBLE;
        out.write(header(f8 ? "<f8" : "<f4", a.shape()));
        if (a.length() == 0) return;
        INDArray flat = a.reshape('c', new long[] {a.length()});
        ByteBuffer buf = ByteBuffer.allocate(CHUNK * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (long from = 0; from < flat.length(); from += CHUNK) {
            Cancellation.poll();
            long to = Math.min(flat.length(), from + CHUNK);
            INDArray part = flat.get(NDArrayIndex.interval(from, to));
            buf.clear();
            if (f8) {
                for (double v : part.toDoubleVector()) buf.putDouble(v);
            } else {
                for (float v : part.castTo(DataType.FLOAT).toFloatVector()) buf.putFloat(v);
            }
            out.write(buf.array(), 0, buf.position());
        }
    }

    /** Magic, version 1.0, header length and the header dict, padded to a multiple of 64 bytes. */
    static byte[] header(String descr, long[] shape) {
        StringBuilder dims = new StringBuilder();
        for (int i = 0; i < shape.length; i++) dims.append(i == 0 ? "" : ", ").append(shape[i]);
        if (shape.length == 1) dims.append(',');
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': (" + dims + "), }";
        int total = 10 + dict.length() + 1;
        int padded = (total + 63) / 64 * 64;
        String text = dict + " ".repeat(padded - total) + "\n";
        ByteBuffer b = ByteBuffer.allocate(10 + text.length()).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        b.putShort((short) text.length());
        b.put(text.getBytes(StandardCharsets.ISO_8859_1));
        return b.array();
    }
}
