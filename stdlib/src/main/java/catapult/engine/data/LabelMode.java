package catapult.engine.data;

/**
 * How class labels become targets. Exists because one reader serves both classification files
 * (digits, a label column of class ids) and regression files (a real-valued column), and the
 * choice must be explicit when the heuristic would guess wrong.
 */
public enum LabelMode {
    /** Two classes: +-1 (k = 1); more: one-hot. Integer-valued label columns with at most
     *  {@link #MAX_AUTO_CLASSES} distinct values count as classes, other columns stay raw. */
    AUTO,
    /** One-hot even for two classes. */
    ONEHOT,
    /** The label values as they are (regression targets), n x 1. */
    RAW;

    /** Above this many distinct integer values a label column is read as a regression target. */
    public static final int MAX_AUTO_CLASSES = 50;

    /** Parses "auto", "onehot" or "raw" (case-insensitive). */
    public static LabelMode parse(String text) {
        for (LabelMode m : values()) {
            if (m.name().equalsIgnoreCase(text)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown label mode \"" + text + "\" (\"auto\", \"onehot\" or \"raw\")");
    }
}
