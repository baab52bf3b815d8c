package catapult.engine.data;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The validated header of a NumPy {@code .npy} file (format versions 1-3): dtype, byte order,
 * memory order and shape, checked against the file's length before any array is allocated, so
 * that a lying header (a shape larger than the file), a truncated file, a string or object dtype
 * or an unreadable header is a {@link DataFormatException} naming the file, never a native crash
 * or an attempt to allocate what the header claims.
 *
 * @param code     the NumPy type code without byte order, e.g. "f4", "u1"
 * @param order    byte order of the data
 * @param fortran  true when the data is in Fortran (column-major) order
 * @param shape    the array's shape (empty for a 0-d array)
 * @param offset   where the data starts in the file
 * @param count    the number of elements
 */
record NpyHeader(String code, ByteOrder order, boolean fortran, long[] shape, int offset, long count) {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** NumPy itself refuses headers longer than this (numpy.lib.format, _MAX_HEADER_SIZE). */
    private static final long MAX_HEADER = 10_000;
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*('([^']*)'|\\[)");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");
    private static final String SUPPORTED = "float32, float64, bool, int8..int64 or uint8..uint64";

    /** Parses and checks the header of file bytes b (which must hold all of the data it declares). */
    static NpyHeader parse(String reader, String file, byte[] b) {
        if (b.length < 10 || !Arrays.equals(Arrays.copyOf(b, 6), MAGIC)) {
            throw new DataFormatException(reader, file, b.length == 0 ? "empty file (0 bytes), not an .npy file"
                    : "not an .npy file (it does not start with \\x93NUMPY)");
        }
        int major = b[6] & 0xff;
        if (major < 1 || major > 3) throw new DataFormatException(reader, file, "unsupported .npy format version " + major);
        int start = major == 1 ? 10 : 12;
        if (b.length < start) throw new DataFormatException(reader, file, "truncated: the header runs past the end of the file");
        ByteBuffer le = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        long headerLen = major == 1 ? (le.getShort(8) & 0xffff) : (le.getInt(8) & 0xffffffffL);
        if (headerLen > MAX_HEADER) {
            throw new DataFormatException(reader, file, "bad .npy header: it claims " + headerLen + " bytes (at most " + MAX_HEADER + ")");
        }
        if (start + headerLen > b.length) {
            throw new DataFormatException(reader, file, "truncated: the header runs past the end of the file");
        }
        String header = new String(b, start, (int) headerLen, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        return of(reader, file, header, start + (int) headerLen, b.length);
    }

    private static NpyHeader of(String reader, String file, String header, int offset, long fileLength) {
        String descr = descr(reader, file, header);
        ByteOrder order = descr.charAt(0) == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        String code = "<>|=".indexOf(descr.charAt(0)) >= 0 ? descr.substring(1) : descr;
        int size = itemSize(reader, file, descr, code);
        boolean fortran = "True".equals(field(reader, file, header, FORTRAN, "fortran_order"));
        long[] shape = shape(reader, file, field(reader, file, header, SHAPE, "shape"));
        long count = count(reader, file, shape);
        double need = (double) count * size;
        long have = fileLength - offset;
        if (have < need) {
            throw new DataFormatException(reader, file, "truncated: the header says " + shapeText(shape) + " " + code
                    + " (" + (long) need + " bytes of data) but the file holds " + have);
        }
        if (have > need) {
            throw new DataFormatException(reader, file, "the header says " + shapeText(shape) + " " + code + " ("
                    + (long) need + " bytes of data) but the file holds " + have + " (corrupt header or trailing data)");
        }
        return new NpyHeader(code, order, fortran, shape, offset, count);
    }

    private static String descr(String reader, String file, String header) {
        Matcher m = DESCR.matcher(header);
        if (!m.find()) throw new DataFormatException(reader, file, "bad .npy header (no 'descr'): " + shortened(header));
        if (m.group(2) == null) {
            throw new DataFormatException(reader, file, "unsupported dtype: a structured array (expected " + SUPPORTED + ")");
        }
        String descr = m.group(2);
        if (descr.isEmpty()) throw new DataFormatException(reader, file, "bad .npy header (empty 'descr')");
        return descr;
    }

    private static String field(String reader, String file, String header, Pattern p, String name) {
        Matcher m = p.matcher(header);
        if (!m.find()) throw new DataFormatException(reader, file, "bad .npy header (no '" + name + "'): " + shortened(header));
        return m.group(1);
    }

    private static int itemSize(String reader, String file, String descr, String code) {
        switch (code) {
            case "b1": case "u1": case "i1": return 1;
            case "u2": case "i2": return 2;
            case "f4": case "i4": case "u4": return 4;
            case "f8": case "i8": case "u8": return 8;
            default:
                String kind = code.startsWith("U") || code.startsWith("S") ? " (strings)" : code.startsWith("O") ? " (Python objects)" : "";
                throw new DataFormatException(reader, file, "unsupported dtype '" + descr + "'" + kind + " (expected " + SUPPORTED + ")");
        }
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
            if (shape[i] < 0) throw new DataFormatException(reader, file, "bad .npy shape (" + text + "): negative size");
        }
        return shape;
    }

    private static long count(String reader, String file, long[] shape) {
        double count = 1;
        for (long s : shape) count *= s;
        if (count > Long.MAX_VALUE / 8) throw new DataFormatException(reader, file, "bad .npy shape " + shapeText(shape) + ": too many elements");
        return (long) count;
    }

    private static String shortened(String header) {
        String h = header.trim();
        return h.length() > 120 ? h.substring(0, 120) + "..." : h;
    }

    static String shapeText(long[] shape) {
        return Arrays.toString(shape);
    }

    /** Bytes per element. */
    int itemSize() {
        return switch (code) {
            case "b1", "u1", "i1" -> 1;
            case "u2", "i2" -> 2;
            case "f4", "i4", "u4" -> 4;
            default -> 8;
        };
    }
}
