package catapult.engine.data;

import java.util.Arrays;

/**
 * Options shared by the file readers: which classes to keep, how many examples to sample (with
 * which seed), which split of a distribution to read, and how labels become targets. A value
 * type so that the DSL bindings and Java callers build it the same way.
 *
 * @param classes class ids to keep, in the order that defines the targets (the first is -1 for
 *                two classes, column 0 for one-hot); null keeps every class present
 * @param n       number of examples to sample without replacement; a negative value keeps all
 * @param split   "train" or "test" (which files of a directory to read)
 * @param seed    seed of the sample
 * @param labels  how labels become targets
 */
public record ReadOptions(int[] classes, int n, String split, long seed, LabelMode labels) {

    public ReadOptions {
        if (classes != null) {
            classes = classes.clone();
            for (int i = 0; i < classes.length; i++) {
                for (int j = 0; j < i; j++) {
                    if (classes[i] == classes[j]) {
                        throw new IllegalArgumentException("classes lists " + classes[i] + " twice: " + Arrays.toString(classes));
                    }
                }
            }
            if (classes.length == 0) {
                throw new IllegalArgumentException("classes must name at least one class");
            }
        }
    }

    /** Every class, every example, the train split, seed 0, automatic labels. */
    public static ReadOptions all() {
        return new ReadOptions(null, -1, "train", 0, LabelMode.AUTO);
    }

    public ReadOptions withClasses(int... newClasses) { return new ReadOptions(newClasses, n, split, seed, labels); }

    public ReadOptions withN(int newN) { return new ReadOptions(classes, newN, split, seed, labels); }

    public ReadOptions withSplit(String newSplit) { return new ReadOptions(classes, n, newSplit, seed, labels); }

    public ReadOptions withSeed(long newSeed) { return new ReadOptions(classes, n, split, newSeed, labels); }

    public ReadOptions withLabels(LabelMode mode) { return new ReadOptions(classes, n, split, seed, mode); }

    /** True when the sample size is limited. */
    public boolean limitsN() { return n >= 0; }
}
