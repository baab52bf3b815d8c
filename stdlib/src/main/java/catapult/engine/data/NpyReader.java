package catapult.engine.data;

import catapult.numerics.Precision;
import java.nio.file.Path;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Reads a dataset from NumPy arrays: inputs from one {@code .npy} file (n x ..., kept in its
 * shape; uint8 inputs are pixels and are scaled to [0, 1]) and targets from another (a vector
 * or n x 1 of class ids or regression values, handled like a CSV label column, or an n x k
 * matrix used as it is). The y file is optional: without it y = 0.
 */
public final class NpyReader {

    static final String READER = "npy";

    private NpyReader() {}

    /**
     * One array, as {@code load("file.npy")} returns it: float32 and float64 data keep their
     * precision, integer and bool data become {@code dt}. Validated like every npy read.
     */
    public static INDArray readArray(Path path, DataType dt) {
        NpyArray a = NpyArray.parse("load", path.toString(), DataFiles.readAll("load", path));
        return a.toArray(a.naturalType(dt));
    }

    /** Reads x (and y when {@code yPath} is non-null). */
    public static Dataset read(Path xPath, Path yPath, ReadOptions opts) {
        DataType dt = Precision.dtype();
        INDArray x = inputs(xPath, dt);
        String what = "npy " + xPath.getFileName();
        if (yPath == null) {
            int[] rows = ColumnLabels.sampleRows(READER, xPath.toString(), (int) x.size(0), opts);
            return Dataset.inputsOnly(Dataset.gatherRows(x, rows), what);
        }
        NpyArray y = NpyArray.parse(READER, yPath.toString(), DataFiles.readAll(READER, yPath));
        long ny = y.shape().length == 0 ? 1 : y.shape()[0];
        if (ny != x.size(0)) {
            throw new DataFormatException(READER, yPath.toString(), "holds " + ny + " labels but "
                    + xPath + " holds " + x.size(0) + " examples");
        }
        ColumnLabels labels = targets(yPath.toString(), y, opts, dt);
        String text = labels.classesText().isEmpty() ? what : what + " " + labels.classesText();
        return Dataset.of(Dataset.gatherRows(x, labels.rows()), labels.y(), text);
    }

    private static INDArray inputs(Path xPath, DataType dt) {
        NpyArray x = NpyArray.parse(READER, xPath.toString(), DataFiles.readAll(READER, xPath));
        if (x.shape().length == 0 || x.shape()[0] == 0) {
            throw new DataFormatException(READER, xPath.toString(), "holds no examples (shape "
                    + java.util.Arrays.toString(x.shape()) + ")");
        }
        INDArray a = x.toArray(dt);
        if (a.rank() == 1) {
            a = a.reshape('c', a.length(), 1);
        }
        return x.isUint8() ? a.divi(255) : a;
    }

    private static ColumnLabels targets(String file, NpyArray y, ReadOptions opts, DataType dt) {
        boolean column = y.shape().length <= 1 || (y.shape().length == 2 && y.shape()[1] == 1);
        if (column) {
            return ColumnLabels.fromNumbers(READER, file, "the label array", y.values(), opts, dt);
        }
        if (opts.classes() != null || opts.labels() == LabelMode.ONEHOT) {
            throw new DataFormatException(READER, file, "holds an array of shape " + java.util.Arrays.toString(y.shape())
                    + "; classes: and labels: \"onehot\" need a vector of class ids");
        }
        INDArray all = y.toArray(dt);
        INDArray flat = all.reshape('c', all.size(0), all.length() / all.size(0));
        int[] rows = ColumnLabels.sampleRows(READER, file, (int) all.size(0), opts);
        return new ColumnLabels(rows, Dataset.gatherRows(flat, rows), "");
    }
}
