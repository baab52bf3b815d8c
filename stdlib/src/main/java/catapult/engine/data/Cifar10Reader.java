package catapult.engine.data;

import catapult.numerics.Precision;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Reads the CIFAR-10 binary distribution: files of 3073-byte records (1 label byte 0..9, then
 * 32x32 red, green and blue planes). A directory path (or its {@code cifar-10-batches-bin}
 * subdirectory) picks {@code data_batch_1..5.bin} for "train" and {@code test_batch.bin} for
 * "test"; a file path reads that one batch. Images come back n x 32 x 32 x 3 (channels last,
 * converted from the files' CHW planes) in [0, 1].
 */
public final class Cifar10Reader {

    static final String READER = "cifar10";
    static final int SIDE = 32;
    static final int PLANE = SIDE * SIDE;
    static final int RECORD = 1 + 3 * PLANE;
    private static final int[] CLASSES = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};

    private Cifar10Reader() {}

    /** Reads the batches at {@code path} (a directory or one batch file). */
    public static Dataset read(Path path, ReadOptions opts) {
        List<Path> files = batchFiles(path, opts.split());
        List<byte[]> batches = new ArrayList<>();
        int total = 0;
        for (Path f : files) {
            byte[] b = DataFiles.readAll(READER, f, DataFiles.PIXEL_EXPANSION);
            checkRecords(f.toString(), b);
            batches.add(b);
            total += b.length / RECORD;
        }
        int[] labels = new int[total];
        byte[] all = concatenate(batches, total);
        for (int i = 0; i < total; i++) {
            labels[i] = all[i * RECORD] & 0xff;
        }
        String name = files.size() == 1 ? files.get(0).toString() : path.toString();
        ClassSelection sel = ClassSelection.select(READER, name, labels, CLASSES, opts);
        DataType dt = Precision.dtype();
        INDArray chw = DataFiles.pixels(all, 1, RECORD, 3 * PLANE, sel.rows(), dt)
                .reshape('c', sel.rows().length, 3, SIDE, SIDE);
        INDArray x = chw.permute(0, 2, 3, 1).dup('c');
        INDArray y = Labels.encode(sel, opts.labels(), dt);
        String what = opts.classes() == null ? READER : READER + " " + sel.classesText();
        return Dataset.of(x, y, what);
    }

    static List<Path> batchFiles(Path path, String split) {
        if (!Files.exists(path)) {
            throw new DataFormatException(READER, path.toString(), "no such file or directory");
        }
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        Path dir = Files.isDirectory(path.resolve("cifar-10-batches-bin")) ? path.resolve("cifar-10-batches-bin") : path;
        List<Path> files = new ArrayList<>();
        if ("test".equals(split)) {
            addIfPresent(files, dir.resolve("test_batch.bin"));
        } else {
            for (int i = 1; i <= 5; i++) {
                addIfPresent(files, dir.resolve("data_batch_" + i + ".bin"));
            }
        }
        if (files.isEmpty()) {
            String expected = "test".equals(split) ? "test_batch.bin" : "data_batch_1.bin .. data_batch_5.bin";
            throw new DataFormatException(READER, dir.toString(), "no " + split + " batches (looked for " + expected + ")");
        }
        return files;
    }

    private static void addIfPresent(List<Path> files, Path p) {
        if (Files.isRegularFile(p)) {
            files.add(p);
        }
    }

    /** A batch must be whole records whose label bytes are classes 0..9. */
    static void checkRecords(String file, byte[] b) {
        if (b.length == 0 || b.length % RECORD != 0) {
            throw new DataFormatException(READER, file, (b.length < RECORD ? "truncated: " : "truncated or padded: ")
                    + b.length + " bytes is not a whole number of " + RECORD
                    + "-byte records (1 label byte + 3072 pixel bytes)");
        }
        for (int i = 0; i < b.length / RECORD; i++) {
            int label = b[i * RECORD] & 0xff;
            if (label > 9) {
                throw new DataFormatException(READER, file, "record " + i + " has label " + label
                        + ", not a class 0..9 (is this a CIFAR-10 binary batch?)");
            }
        }
    }

    private static byte[] concatenate(List<byte[]> parts, int records) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        byte[] all = new byte[records * RECORD];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }
}
