package catapult.engine.data;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Parses NumPy's {@code .npy} format (versions 1-3) ourselves rather than with ND4J's loader, so
 * that a truncated file, an unsupported dtype or a bad header is reported as a
 * {@link DataFormatException} naming the file instead of crashing in native code. Supports
 * float32, float64, uint8, int8, int32 and int64 in either byte order, C or Fortran order.
 *
 * @param values the elements in C order, as doubles
 * @param shape  the array's shape
 * @param dtype  the NumPy type code without byte order, e.g. "f4", "u1"
 */
record NpyArray(double[] values, long[] shape, String dtype) {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    static NpyArray parse(String reader, String file, byte[] b) {
        if (b.length < 10 || !Arrays.equals(Arrays.copyOf(b, 6), MAGIC)) {
            throw new DataFormatException(reader, file, "not an .npy file (it does not start with \\x93NUMPY)");
        }
        int major = b[6] & 0xff;
        int headerStart = major == 1 ? 10 : 12;
        if (major < 1 || major > 3 || b.length < headerStart) {
            throw new DataFormatException(reader, file, "unsupported .npy format version " + major);
        }
        ByteBuffer le = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        long headerLen = major == 1 ? (le.getShort(8) & 0xffff) : (le.getInt(8) & 0xffffffffL);
        if (headerStart + headerLen > b.length) {
            throw new DataFormatException(reader, file, "truncated: the header runs past the end of the file");
        }
        String header = new String(b, headerStart, (int) headerLen, StandardCharsets.UTF_8);
        String descr = field(reader, file, header, DESCR, "descr");
        boolean fortran = "True".equals(field(reader, file, header, FORTRAN, "fortran_order"));
        long[] shape = shape(reader, file, field(reader, file, header, SHAPE, "shape"));
        int offset = (int) (headerStart + headerLen);
        return new NpyArray(decode(reader, file, b, offset, descr, shape, fortran), shape, descr.substring(1));
    }

    private static String field(String reader, String file, String header, Pattern p, String name) {
        Matcher m = p.matcher(header);
        if (!m.find()) {
            throw new DataFormatException(reader, file, "bad .npy header (no '" + name + "'): " + header.trim());
        }
        return m.group(1);
    }

    private static long[] shape(String reader, String file, String text) {
        String[] parts = Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toArray(String[]::new);
        long[] shape = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                shape[i] = Long.parseLong(parts[i].replace("L", ""));
            } catch (NumberFormatException e) {
                throw new DataFormatException(reader, file, "bad .npy shape (" + text + ")");
            }
        }
        return shape;
    }

    private static double[] decode(String reader, String file, byte[] b, int offset, String descr,
                                   long[] shape, boolean fortran) {
        if (descr.length() < 3) {
            throw new DataFormatException(reader, file, "unsupported dtype '" + descr + "'");
        }
        ByteOrder order = descr.charAt(0) == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        String code = descr.substring(1);
        int size = itemSize(reader, file, descr, code);
        long count = Arrays.stream(shape).reduce(1, (p, q) -> p * q);
        long need = count * size;
        if (b.length - offset < need) {
            throw new DataFormatException(reader, file, "truncated: the header says " + Arrays.toString(shape) + " "
                    + code + " (" + need + " bytes of data) but the file holds " + (b.length - offset));
        }
        ByteBuffer buf = ByteBuffer.wrap(b, offset, (int) need).slice().order(order);
        double[] v = new double[(int) count];
        for (int i = 0; i < v.length; i++) {
            v[i] = element(buf, code, i * size);
        }
        return fortran ? toCOrder(v, shape) : v;
    }

    private static int itemSize(String reader, String file, String descr, String code) {
        switch (code) {
            case "f4": case "i4": return 4;
            case "f8": case "i8": return 8;
            case "u1": case "i1": return 1;
            default:
                throw new DataFormatException(reader, file, "unsupported dtype '" + descr
                        + "' (expected float32, float64, uint8, int8, int32 or int64)");
        }
    }

    private static double element(ByteBuffer buf, String code, int at) {
        switch (code) {
            case "f4": return buf.getFloat(at);
            case "f8": return buf.getDouble(at);
            case "i4": return buf.getInt(at);
            case "i8": return buf.getLong(at);
            case "u1": return buf.get(at) & 0xff;
            default: return buf.get(at);
        }
    }

    private static double[] toCOrder(double[] v, long[] shape) {
        if (shape.length < 2) {
            return v;
        }
        return Nd4j.create(v, shape, 'f').dup('c').data().asDouble();
    }

    /** The array in dtype dt, C order. */
    INDArray toArray(DataType dt) {
        long[] s = shape.length == 0 ? new long[] {1} : shape;
        return Nd4j.create(values, s, 'c').castTo(dt);
    }

    /** True for uint8 data, which the readers treat as pixels. */
    boolean isUint8() { return "u1".equals(dtype); }
}
