package catapult.engine.data;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The UCI optdigits set (1797 8x8 handwritten digits, the data of scikit-learn's
 * {@code load_digits}) shipped inside Catapult, so that examples and tests have a small real
 * dataset without any download. Pixels 0..16 are scaled to [0, 1]; images are n x 8 x 8 x 1.
 * Provenance and credit: {@code catapult/data/README.md} next to the data.
 */
public final class Digits {

    static final String READER = "digits";
    static final String RESOURCE = "/catapult/data/digits.csv.gz";
    private static final int SIDE = 8;
    private static final double MAX_PIXEL = 16;

    private Digits() {}

    /** The digits of the chosen classes, optionally a seeded sample of n of them. */
    public static Dataset load(ReadOptions opts) {
        byte[] bytes = DataFiles.readResource(READER, RESOURCE);
        Dataset flat = CsvReader.parse("classpath:" + RESOURCE, bytes, CsvReader.LabelColumn.last(), opts,
                1 / MAX_PIXEL, READER);
        INDArray images = flat.x().reshape('c', flat.n(), SIDE, SIDE, 1);
        String what = opts.classes() == null ? READER : flat.description();
        return Dataset.of(images, flat.y(), what);
    }
}
