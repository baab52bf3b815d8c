package catapult.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Every kind of bad file is a {@link DataFormatException} naming the file and the problem,
 * found before anything the file claims is allocated (issue 15: ND4J's native .npy loader
 * crashed the JVM on truncated and string-typed files, tried to allocate 40 GB for a lying
 * header and loaded another truncated file with garbage after the cut).
 */
class BadFilesTest {
    @TempDir
    Path tmp;

    /** An .npy file with the given header dict and data bytes (version 1.0). */
    private Path npy(String name, String dict, int dataBytes) throws IOException {
        String header = dict + " ".repeat(Math.max(0, 63 - (10 + dict.length()) % 64)) + "\n";
        ByteBuffer b = ByteBuffer.allocate(10 + header.length() + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) header.length());
        b.put(header.getBytes(StandardCharsets.ISO_8859_1));
        Path p = tmp.resolve(name);
        Files.write(p, b.array());
        return p;
    }

    private static String problem(Path file) {
        DataFormatException e = assertThrows(DataFormatException.class, () -> NpyReader.readArray(file, DataType.FLOAT));
        String viaReader = assertThrows(DataFormatException.class, () -> NpyReader.read(file, null, ReadOptions.all())).getMessage();
        String prefix = "load: " + file + ": ";
        assertTrue(e.getMessage().startsWith(prefix), e.getMessage());
        String what = e.getMessage().substring(prefix.length());
        assertEquals("npy: " + file + ": " + what, viaReader, "load and npy share one validated path");
        return what;
    }

    private static void contains(String expected, String message) {
        assertTrue(message.contains(expected), message);
    }

    @Test
    void aLyingHeaderIsCaughtBeforeAllocating() throws IOException {
        Path lying = npy("lying.npy", "{'descr': '<f4', 'fortran_order': False, 'shape': (100000, 100000), }", 48);
        assertEquals("truncated: the header says [100000, 100000] f4 (40000000000 bytes of data) but the file holds 48", problem(lying));
        Path huge = npy("huge.npy", "{'descr': '<f8', 'fortran_order': False, 'shape': (4611686018427387904, 4), }", 8);
        contains("too many elements", problem(huge));
        Path negative = npy("negative.npy", "{'descr': '<f4', 'fortran_order': False, 'shape': (-4, 2), }", 0);
        contains("negative size", problem(negative));
    }

    @Test
    void truncatedAndPaddedDataAreBothReported() throws IOException {
        Path cut = npy("cut.npy", "{'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }", 95);
        assertEquals("truncated: the header says [3, 4] f8 (96 bytes of data) but the file holds 95", problem(cut));
        Path padded = npy("padded.npy", "{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }", 12);
        contains("holds 12 (corrupt header or trailing data)", problem(padded));
        Path header = tmp.resolve("header.npy");
        Files.write(header, new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, 100, 0, '{'});
        contains("truncated: the header runs past the end of the file", problem(header));
    }

    @Test
    void stringObjectStructuredAndComplexDtypesAreRefusedByName() throws IOException {
        contains("unsupported dtype '<U3' (strings)", problem(npy("u.npy", "{'descr': '<U3', 'fortran_order': False, 'shape': (2,), }", 24)));
        contains("unsupported dtype '|S5' (strings)", problem(npy("s.npy", "{'descr': '|S5', 'fortran_order': False, 'shape': (2,), }", 10)));
        contains("unsupported dtype '|O' (Python objects)", problem(npy("o.npy", "{'descr': '|O', 'fortran_order': False, 'shape': (1,), }", 8)));
        contains("a structured array", problem(npy("r.npy", "{'descr': [('a', '<f4')], 'fortran_order': False, 'shape': (1,), }", 4)));
        contains("unsupported dtype '<c8'", problem(npy("c.npy", "{'descr': '<c8', 'fortran_order': False, 'shape': (1,), }", 8)));
    }

    @Test
    void emptyNonNumpyDirectoriesAndDevicesAreNamed() throws IOException {
        Path empty = tmp.resolve("empty.npy");
        Files.write(empty, new byte[0]);
        assertEquals("empty file (0 bytes), not an .npy file", problem(empty));
        Path text = tmp.resolve("text.npy");
        Files.writeString(text, "x,y\n1,2\n");
        contains("not an .npy file", problem(text));
        Path version = tmp.resolve("v9.npy");
        Files.write(version, new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 9, 0, 0, 0, 0, 0});
        contains("unsupported .npy format version 9", problem(version));
        Files.createDirectory(tmp.resolve("dir.npy"));
        contains("is a directory", problem(tmp.resolve("dir.npy")));
        Path zero = Path.of("/dev/zero");
        if (Files.exists(zero)) contains("is not a regular file", problem(zero));
        contains("no such file", problem(tmp.resolve("absent.npy")));
    }

    @Test
    void emptyArraysScalarsAndWideIntegersLoad() throws IOException {
        INDArray none = NpyReader.readArray(npy("none.npy", "{'descr': '<f4', 'fortran_order': False, 'shape': (0,), }", 0), DataType.FLOAT);
        assertEquals(0, none.length());
        contains("holds no examples", assertThrows(DataFormatException.class,
                () -> NpyReader.read(tmp.resolve("none.npy"), null, ReadOptions.all())).getMessage());
        Path u8 = npy("u8.npy", "{'descr': '<u8', 'fortran_order': False, 'shape': (2,), }", 16);
        byte[] b = Files.readAllBytes(u8);
        ByteBuffer.wrap(b, b.length - 16, 16).order(ByteOrder.LITTLE_ENDIAN).putLong(-1L).putLong(7L);
        Files.write(u8, b);
        assertArrayEquals(new double[] {1.8446744073709552e19, 7}, NpyReader.readArray(u8, DataType.DOUBLE).toDoubleVector(), 0);
    }

    @Test
    void savedArraysRoundTripThroughOurWriter() throws IOException {
        INDArray a = Nd4j.createFromArray(new double[][] {{1, 2.5, -3}, {4, 5, 6}});
        for (DataType dt : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            NpyWriter.write(a.castTo(dt), out);
            Path p = tmp.resolve("rt" + dt + ".npy");
            Files.write(p, out.toByteArray());
            INDArray back = NpyReader.readArray(p, DataType.FLOAT);
            assertEquals(dt, back.dataType());
            assertEquals(a.castTo(dt), back);
            assertEquals(0, (10 + out.toByteArray()[8]) % 64, "header padded to 64 bytes as NumPy does");
        }
    }

    @Test
    void idxHeadersThatOverflowAndGzipThatIsCutAreReported() throws IOException {
        ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.BIG_ENDIAN);
        b.putInt(0x803).putInt(1 << 21).putInt(1 << 21).putInt(1 << 21);
        DataFormatException e = assertThrows(DataFormatException.class, () -> MnistReader.imageHeader("imgs", b.array()));
        contains("truncated: the header says 2097152 images of 2097152x2097152", e.getMessage());
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(gz)) {
            z.write(new byte[100_000]);
        }
        byte[] cut = java.util.Arrays.copyOf(gz.toByteArray(), gz.size() / 2);
        Path p = tmp.resolve("cut.csv.gz");
        Files.write(p, cut);
        e = assertThrows(DataFormatException.class, () -> CsvReader.read(p, CsvReader.LabelColumn.last(), ReadOptions.all()));
        contains("truncated gzip data", e.getMessage());
    }

    @Test
    void textFilesMustBeUtf8AndRegular() throws IOException {
        Path latin = tmp.resolve("latin.json");
        Files.write(latin, new byte[] {'"', (byte) 0xe9, '"'});
        contains("is not UTF-8 text", assertThrows(DataFormatException.class, () -> TextFile.read("load", latin)).getMessage());
        if (Files.exists(Path.of("/dev/zero"))) {
            contains("is not a regular file", assertThrows(DataFormatException.class,
                    () -> CsvReader.read(Path.of("/dev/zero"), CsvReader.LabelColumn.last(), ReadOptions.all())).getMessage());
        }
    }
}
