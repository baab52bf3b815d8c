package catapult.engine.data;

import catapult.lang.builtins.Cancellation;
import catapult.lang.builtins.MemoryBudget;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Reads a data file into memory, un-gzipping it when it starts with the gzip magic bytes (so
 * {@code .gz} and raw files are both accepted, whatever their names say), and turns every I/O
 * failure into a {@link DataFormatException} naming the reader and the file.
 */
final class DataFiles {
    /** Memory per byte of an image file while decoding: the byte, a double or float, and the tensor. */
    static final double PIXEL_EXPANSION = 1 + 8 + 8;

    private DataFiles() {}

    /**
     * All bytes of the file, decompressed if gzip. Refuses, before reading, what is not a regular
     * file (a device such as /dev/zero would never end) and a file (or decompressed data) larger
     * than the memory this JVM has left or than one Java array holds.
     */
    static byte[] readAll(String reader, Path file) {
        return readAll(reader, file, 2);
    }

    /** As {@link #readAll(String, Path)} for formats whose decoded form takes {@code expansion} times the file's bytes. */
    static byte[] readAll(String reader, Path file, double expansion) {
        if (Files.isDirectory(file)) {
            throw new DataFormatException(reader, file.toString(), "is a directory, expected a file");
        }
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new DataFormatException(reader, file.toString(), "is not a regular file");
        }
        byte[] raw;
        try {
            long size = Files.size(file);
            requireBytes(reader, file.toString(), "the file's " + size + " bytes", size, expansion);
            raw = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new DataFormatException(reader, file.toString(), "no such file");
        } catch (IOException e) {
            throw new DataFormatException(reader, file.toString(), "cannot read: " + e.getMessage());
        }
        return gunzipIfNeeded(reader, file.toString(), raw);
    }

    /** Fails unless n bytes fit in one array and, decoded, in the memory left. */
    private static void requireBytes(String reader, String file, String what, double n, double expansion) {
        if (n > MemoryBudget.MAX_ARRAY) {
            throw new DataFormatException(reader, file, what + " are more than one array can hold ("
                    + MemoryBudget.size(MemoryBudget.MAX_ARRAY) + ")");
        }
        String problem = MemoryBudget.check(what + " (decoded)", expansion * n);
        if (problem != null) throw new DataFormatException(reader, file, problem);
    }

    /** All bytes of a classpath resource, decompressed if gzip. */
    static byte[] readResource(String reader, String resource) {
        try (InputStream in = DataFiles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new DataFormatException(reader, "classpath:" + resource, "resource not found");
            }
            return gunzipIfNeeded(reader, "classpath:" + resource, in.readAllBytes());
        } catch (IOException e) {
            throw new DataFormatException(reader, "classpath:" + resource, "cannot read: " + e.getMessage());
        }
    }

    static byte[] gunzipIfNeeded(String reader, String name, byte[] raw) {
        boolean gzip = raw.length >= 2 && (raw[0] & 0xff) == 0x1f && (raw[1] & 0xff) == 0x8b;
        if (!gzip) {
            return raw;
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
            long limit = Math.min(MemoryBudget.MAX_ARRAY, Math.max(MemoryBudget.UNCHECKED_BYTES, MemoryBudget.available() / 2));
            byte[] out = in.readNBytes((int) limit);
            if (in.read() >= 0) {
                throw new DataFormatException(reader, name, "decompresses to more than " + MemoryBudget.size(limit)
                        + ", more than this JVM can hold");
            }
            return out;
        } catch (EOFException e) {
            throw new DataFormatException(reader, name, "truncated gzip data (the compressed file ends early)");
        } catch (ZipException e) {
            throw new DataFormatException(reader, name, "corrupt gzip data: " + e.getMessage());
        } catch (IOException e) {
            throw new DataFormatException(reader, name, "cannot decompress: " + e.getMessage());
        }
    }

    /** The first of the candidate names that exists in dir, or null. */
    static Path firstExisting(Path dir, List<String> names) {
        for (String name : names) {
            Path p = dir.resolve(name);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    /** Big-endian unsigned 32-bit integer at offset (IDX headers). */
    static long u32(byte[] b, int offset) {
        return ((long) (b[offset] & 0xff) << 24) | ((b[offset + 1] & 0xff) << 16)
                | ((b[offset + 2] & 0xff) << 8) | (b[offset + 3] & 0xff);
    }

    /**
     * Pixels of the given rows as a flat array of dtype dt, scaled to [0, 1]: row r occupies
     * {@code rowBytes} bytes from {@code start + r * stride}. float64 data is divided in double
     * precision so that float64 experiments see exact k/255 values.
     */
    static INDArray pixels(byte[] data, int start, int stride, int rowBytes, int[] rows, DataType dt) {
        if (dt == DataType.DOUBLE) {
            double[] out = new double[rows.length * rowBytes];
            for (int i = 0; i < rows.length; i++) {
                Cancellation.poll(i);
                int from = start + rows[i] * stride;
                for (int j = 0; j < rowBytes; j++) {
                    out[i * rowBytes + j] = (data[from + j] & 0xff) / 255.0;
                }
            }
            return Nd4j.createFromArray(out);
        }
        float[] out = new float[rows.length * rowBytes];
        for (int i = 0; i < rows.length; i++) {
            Cancellation.poll(i);
            int from = start + rows[i] * stride;
            for (int j = 0; j < rowBytes; j++) {
                out[i * rowBytes + j] = (data[from + j] & 0xff) / 255f;
            }
        }
        return Nd4j.createFromArray(out).castTo(dt);
    }
}
