package catapult.engine.data;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Turns class ids into targets, the one place that fixes Catapult's label convention: two
 * classes become +-1 scalars (the first listed class is -1), more classes (or
 * {@link LabelMode#ONEHOT}) become one-hot rows, {@link LabelMode#RAW} keeps the class id as a
 * number.
 */
public final class Labels {

    private Labels() {}

    /** The targets of a selection: n x 1 (+-1 or raw) or n x C (one-hot), in dtype {@code dt}. */
    public static INDArray encode(ClassSelection sel, LabelMode mode, DataType dt) {
        int n = sel.rows().length;
        int c = sel.classes().length;
        if (mode == LabelMode.RAW) {
            double[] raw = new double[n];
            for (int i = 0; i < n; i++) {
                raw[i] = sel.classes()[sel.classIndex()[i]];
            }
            return Nd4j.createFromArray(raw).reshape(n, 1).castTo(dt);
        }
        if (c == 2 && mode == LabelMode.AUTO) {
            double[] pm = new double[n];
            for (int i = 0; i < n; i++) {
                pm[i] = sel.classIndex()[i] == 0 ? -1 : 1;
            }
            return Nd4j.createFromArray(pm).reshape(n, 1).castTo(dt);
        }
        return oneHot(sel.classIndex(), c, dt);
    }

    /** n x c one-hot rows: row i has a 1 in column index[i]. */
    public static INDArray oneHot(int[] index, int c, DataType dt) {
        double[] flat = new double[index.length * c];
        for (int i = 0; i < index.length; i++) {
            flat[i * c + index[i]] = 1;
        }
        return Nd4j.createFromArray(flat).reshape('c', index.length, c).castTo(dt);
    }

    /**
     * Reads a real-valued label column as classes when {@code mode} asks for it or, in AUTO mode,
     * when every value is an integer and there are at most {@link LabelMode#MAX_AUTO_CLASSES}
     * distinct values; returns null when the column is a regression target.
     */
    public static int[] asClassIds(double[] values, LabelMode mode) {
        if (mode == LabelMode.RAW) {
            return null;
        }
        int[] ids = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
                return null;
            }
            ids[i] = (int) v;
        }
        boolean fewClasses = java.util.Arrays.stream(ids).distinct().count() <= LabelMode.MAX_AUTO_CLASSES;
        return fewClasses || mode == LabelMode.ONEHOT ? ids : null;
    }
}
