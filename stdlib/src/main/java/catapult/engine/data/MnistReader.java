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
 * Reads MNIST-style IDX files (images: magic 0x00000803, n x rows x cols unsigned bytes; labels:
 * magic 0x00000801), gzip'd or raw. A directory path picks the split's files by the official
 * names ({@code train-images-idx3-ubyte[.gz]} / {@code t10k-...}); an image file path reads that
 * file and the label file named like it. Images come back n x rows x cols x 1 in [0, 1].
 */
public final class MnistReader {

    static final String READER = "mnist";
    private static final long IMAGE_MAGIC = 0x00000803L;
    private static final long LABEL_MAGIC = 0x00000801L;
    private static final int[] DIGITS = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};

    private MnistReader() {}

    /** Reads the images and labels at {@code path} (a directory or an image file). */
    public static Dataset read(Path path, ReadOptions opts) {
        Path images = imageFile(path, opts.split());
        Path labelsPath = labelFileFor(images);
        byte[] img = DataFiles.readAll(READER, images, DataFiles.PIXEL_EXPANSION);
        byte[] lab = DataFiles.readAll(READER, labelsPath);
        long[] dims = imageHeader(images.toString(), img);
        int[] labels = labels(labelsPath.toString(), lab);
        if (labels.length != dims[0]) {
            throw new DataFormatException(READER, labelsPath.toString(), "holds " + labels.length
                    + " labels but " + images + " holds " + dims[0] + " images");
        }
        ClassSelection sel = ClassSelection.select(READER, labelsPath.toString(), labels, DIGITS, opts);
        DataType dt = Precision.dtype();
        int rowBytes = (int) (dims[1] * dims[2]);
        INDArray x = DataFiles.pixels(img, 16, rowBytes, rowBytes, sel.rows(), dt)
                .reshape('c', sel.rows().length, dims[1], dims[2], 1);
        INDArray y = Labels.encode(sel, opts.labels(), dt);
        String what = opts.classes() == null ? READER : READER + " " + sel.classesText();
        return Dataset.of(x, y, what);
    }

    /** The image file of a split inside a directory, or the path itself when it is a file. */
    static Path imageFile(Path path, String split) {
        if (!Files.isDirectory(path)) {
            if (!Files.exists(path)) {
                throw new DataFormatException(READER, path.toString(), "no such file or directory");
            }
            return path;
        }
        String prefix = "train".equals(split) ? "train" : "t10k";
        List<String> names = candidates(prefix + "-images", "idx3-ubyte");
        Path found = DataFiles.firstExisting(path, names);
        if (found == null) {
            throw new DataFormatException(READER, path.toString(), "no " + split + " image file (looked for "
                    + names.get(0) + " and " + names.get(1) + ")");
        }
        return found;
    }

    private static List<String> candidates(String stem, String ext) {
        List<String> names = new ArrayList<>();
        for (String sep : new String[] {"-", "."}) {
            names.add(stem + sep + ext);
            names.add(stem + sep + ext + ".gz");
        }
        return names;
    }

    /** train-images-idx3-ubyte.gz -> train-labels-idx1-ubyte.gz (or the raw/.gz twin that exists). */
    static Path labelFileFor(Path images) {
        String name = images.getFileName().toString();
        String labelName = name.replace("images", "labels").replace("idx3", "idx1");
        if (labelName.equals(name)) {
            throw new DataFormatException(READER, images.toString(), "cannot tell the label file's name "
                    + "(expected an image file named like train-images-idx3-ubyte)");
        }
        String stem = labelName.endsWith(".gz") ? labelName.substring(0, labelName.length() - 3) : labelName;
        Path dir = images.toAbsolutePath().getParent();
        Path found = DataFiles.firstExisting(dir, List.of(labelName, stem, stem + ".gz"));
        if (found == null) {
            throw new DataFormatException(READER, dir.resolve(labelName).toString(), "no such file (the labels of "
                    + images.getFileName() + ")");
        }
        return found;
    }

    /** Checks the image header and size; returns {n, rows, cols}. */
    static long[] imageHeader(String file, byte[] b) {
        checkMagic(file, b, IMAGE_MAGIC, "image", LABEL_MAGIC, "label");
        if (b.length < 16) {
            throw new DataFormatException(READER, file, "truncated: " + b.length + " bytes, shorter than the 16-byte IDX image header");
        }
        long n = DataFiles.u32(b, 4);
        long rows = DataFiles.u32(b, 8);
        long cols = DataFiles.u32(b, 12);
        double expected = 16 + (double) n * rows * cols;
        if (b.length != expected) {
            throw new DataFormatException(READER, file, (b.length < expected ? "truncated: " : "wrong size: ")
                    + "the header says " + n + " images of " + rows + "x" + cols + " (" + (long) expected
                    + " bytes) but the file holds " + b.length + " bytes");
        }
        return new long[] {n, rows, cols};
    }

    /** Checks the label header and size; returns the labels, each a digit 0..9. */
    static int[] labels(String file, byte[] b) {
        checkMagic(file, b, LABEL_MAGIC, "label", IMAGE_MAGIC, "image");
        if (b.length < 8) {
            throw new DataFormatException(READER, file, "truncated: " + b.length + " bytes, shorter than the 8-byte IDX label header");
        }
        long n = DataFiles.u32(b, 4);
        if (b.length != 8 + n) {
            throw new DataFormatException(READER, file, (b.length < 8 + n ? "truncated: " : "wrong size: ")
                    + "the header says " + n + " labels but the file holds " + (b.length - 8));
        }
        int[] labels = new int[(int) n];
        for (int i = 0; i < n; i++) {
            labels[i] = b[8 + i] & 0xff;
            if (labels[i] > 9) {
                throw new DataFormatException(READER, file, "label " + labels[i] + " at index " + i + " is not a digit 0..9");
            }
        }
        return labels;
    }

    /** The magic number comes first so that a wrong file is named as such even when it is short. */
    private static void checkMagic(String file, byte[] b, long expected, String kind, long other, String otherKind) {
        if (b.length < 4) {
            throw new DataFormatException(READER, file, "truncated: " + b.length + " bytes, too short for an IDX header");
        }
        long magic = DataFiles.u32(b, 0);
        if (magic != expected) {
            String hint = magic == other ? "; this is an IDX " + otherKind + " file" : "";
            throw new DataFormatException(READER, file, String.format(
                    "bad magic number 0x%08X (expected 0x%08X for an IDX %s file%s)", magic, expected, kind, hint));
        }
    }
}
