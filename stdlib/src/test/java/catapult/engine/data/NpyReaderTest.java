package catapult.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Reads files written by NumPy itself (test resources catapult/data/npy, see their README). */
class NpyReaderTest {

    @TempDir
    Path tmp;

    private static Path fixture(String name) {
        try {
            return Paths.get(NpyReaderTest.class.getResource("/catapult/data/npy/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final double[][] X = {
        {-1, -0.75, -0.5}, {-0.25, 0, 0.25}, {0.5, 0.75, 1}, {1.25, 1.5, 1.75}, {2, 2.25, 2.5}};

    @Test
    void float32Float64FortranAndBigEndianGiveTheSameMatrix() {
        for (String f : new String[] {"x_f4.npy", "x_f8_fortran.npy", "x_f8_bigendian.npy"}) {
            Dataset d = NpyReader.read(fixture(f), null, ReadOptions.all());
            assertArrayEquals(X, d.x().toDoubleMatrix(), f);
            assertEquals(0, d.y().sumNumber().doubleValue(), 0);
        }
    }

    @Test
    void uint8InputsArePixelsScaledToUnitInterval() {
        Dataset d = NpyReader.read(fixture("x_u1.npy"), null, ReadOptions.all());
        assertArrayEquals(new long[] {2, 2}, d.inputShape());
        assertEquals(13 * 7 / 255.0, d.x().getDouble(1, 1, 1), 1e-6);
    }

    @Test
    void integerLabelsBecomeOneHotOrPlusMinusOne() {
        Dataset all = NpyReader.read(fixture("x_f4.npy"), fixture("y_i8.npy"), ReadOptions.all());
        assertEquals(3, all.k());
        assertArrayEquals(new double[] {0, 1, 0}, all.y().getRow(0).toDoubleVector(), 0);
        assertArrayEquals(new double[] {0, 0, 1}, all.y().getRow(4).toDoubleVector(), 0);
        Dataset two = NpyReader.read(fixture("x_f4.npy"), fixture("y_i8.npy"), ReadOptions.all().withClasses(3, 1));
        assertEquals(4, two.n());
        assertArrayEquals(new double[] {-1, 1, -1, 1}, two.y().toDoubleVector(), 0);
        assertArrayEquals(X[3], two.x().getRow(3).toDoubleVector(), 1e-7);
    }

    @Test
    void realLabelsAndMatricesAreKeptAsTargets() {
        Dataset reg = NpyReader.read(fixture("x_f4.npy"), fixture("y_f8_values.npy"), ReadOptions.all());
        assertArrayEquals(new double[] {0.5, -1.25, 2.0, 3.75, 0.1}, reg.y().toDoubleVector(), 1e-7);
        Dataset mat = NpyReader.read(fixture("x_f4.npy"), fixture("y_f4_matrix.npy"), ReadOptions.all().withN(3));
        assertEquals(3, mat.n());
        assertEquals(3, mat.k());
    }

    @Test
    void readsTheBenchReferenceArraysLikeNd4j() {
        Path ref = SharedFiles.require("bench/ref/agop_X.npy");
        Dataset d = NpyReader.read(ref, null, ReadOptions.all());
        INDArray expected = Nd4j.createFromNpyFile(ref.toFile());
        assertEquals(expected.castTo(d.x().dataType()), d.x());
    }

    @Test
    void wrongDtypeTruncationMagicAndCountsAreReported() throws IOException {
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> NpyReader.read(fixture("x_c16.npy"), null, ReadOptions.all()));
        assertTrue(e.getMessage().startsWith("npy: ") && e.getMessage().contains("x_c16.npy")
                && e.getMessage().contains("unsupported dtype '<c16'"), e.getMessage());
        byte[] good = Files.readAllBytes(fixture("x_f8_fortran.npy"));
        Files.write(tmp.resolve("short.npy"), Arrays.copyOf(good, good.length - 9));
        e = assertThrows(DataFormatException.class, () -> NpyReader.read(tmp.resolve("short.npy"), null, ReadOptions.all()));
        assertTrue(e.getMessage().contains("short.npy: truncated") && e.getMessage().contains("120 bytes"), e.getMessage());
        Files.write(tmp.resolve("text.npy"), "hello world, not numpy".getBytes());
        e = assertThrows(DataFormatException.class, () -> NpyReader.read(tmp.resolve("text.npy"), null, ReadOptions.all()));
        assertTrue(e.getMessage().contains("not an .npy file"), e.getMessage());
        e = assertThrows(DataFormatException.class,
                () -> NpyReader.read(fixture("x_f4.npy"), fixture("y_i8_short.npy"), ReadOptions.all()));
        assertTrue(e.getMessage().contains("holds 3 labels but") && e.getMessage().contains("5 examples"), e.getMessage());
        e = assertThrows(DataFormatException.class,
                () -> NpyReader.read(tmp.resolve("absent.npy"), null, ReadOptions.all()));
        assertTrue(e.getMessage().contains("absent.npy: no such file"), e.getMessage());
        e = assertThrows(DataFormatException.class,
                () -> NpyReader.read(fixture("x_f4.npy"), fixture("y_f8_values.npy"), ReadOptions.all().withClasses(1, 2)));
        assertTrue(e.getMessage().contains("does not hold integer class ids"), e.getMessage());
    }
}
