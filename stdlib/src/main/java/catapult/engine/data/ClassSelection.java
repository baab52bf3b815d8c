package catapult.engine.data;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * Picks the rows of a labelled file to keep: those whose class is in the requested subset, then
 * a seeded sample of n of them (kept in file order). Exists so that every reader applies
 * {@code classes:}, {@code n:} and {@code seed:} identically and decodes only the rows it keeps
 * (CIFAR-10's training batches would be 600 MB as float32).
 *
 * @param rows       indices of the kept rows in the file, ascending
 * @param classes    the class ids in target order
 * @param classIndex for each kept row, the position of its class in {@code classes}
 */
public record ClassSelection(int[] rows, int[] classes, int[] classIndex) {

    /**
     * @param reader  reader name for messages ("mnist")
     * @param file    file name for messages
     * @param labels  the class id of every row of the file
     * @param valid   the class ids the format allows (e.g. 0..9), or null for "whatever occurs"
     */
    public static ClassSelection select(String reader, String file, int[] labels, int[] valid, ReadOptions opts) {
        int[] present = labels.length == 0 ? new int[0] : Arrays.stream(labels).distinct().sorted().toArray();
        int[] classes = opts.classes() != null ? opts.classes() : present;
        Map<Integer, Integer> position = positions(reader, file, classes, present, valid);
        int[] rows = java.util.stream.IntStream.range(0, labels.length)
                .filter(i -> position.containsKey(labels[i]))
                .toArray();
        rows = sample(reader, file, rows, classes, opts);
        int[] classIndex = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            classIndex[i] = position.get(labels[rows[i]]);
        }
        return new ClassSelection(rows, classes, classIndex);
    }

    /** The index of each requested class in {@code classes}; checks each class is valid and occurs. */
    private static Map<Integer, Integer> positions(String reader, String file, int[] classes, int[] present, int[] valid) {
        Map<Integer, Integer> position = new HashMap<>();
        for (int i = 0; i < classes.length; i++) {
            int c = classes[i];
            if (valid != null && Arrays.stream(valid).noneMatch(v -> v == c)) {
                throw new DataFormatException(reader, file, "unknown class " + c + " (the classes are "
                        + rangeText(valid) + ")");
            }
            if (Arrays.binarySearch(present, c) < 0) {
                throw new DataFormatException(reader, file, "class " + c + " has no examples (the file holds classes "
                        + rangeText(present) + ")");
            }
            position.put(c, i);
        }
        return position;
    }

    private static int[] sample(String reader, String file, int[] rows, int[] classes, ReadOptions opts) {
        if (!opts.limitsN() || opts.n() == rows.length) {
            return rows;
        }
        if (opts.n() > rows.length) {
            throw new DataFormatException(reader, file, "asked for n=" + opts.n() + " examples but only "
                    + rows.length + " have classes " + rangeText(classes));
        }
        if (opts.n() == 0) {
            throw new DataFormatException(reader, file, "asked for n=0 examples");
        }
        int[] picked = sampleIndices(rows.length, opts.n(), opts.seed());
        int[] out = new int[picked.length];
        for (int i = 0; i < picked.length; i++) {
            out[i] = rows[picked[i]];
        }
        return out;
    }

    /** k distinct indices out of 0..n-1 chosen by a seeded partial Fisher-Yates shuffle, ascending. */
    public static int[] sampleIndices(int n, int k, long seed) {
        int[] perm = permutation(n, seed);
        int[] head = Arrays.copyOf(perm, k);
        Arrays.sort(head);
        return head;
    }

    /** A seeded random permutation of 0..n-1. */
    public static int[] permutation(int n, long seed) {
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        return perm;
    }

    /** "0..9" for a contiguous run, else "[0, 2, 7]". */
    static String rangeText(int[] values) {
        int[] s = Arrays.stream(values).sorted().toArray();
        if (s.length > 2 && s[s.length - 1] - s[0] == s.length - 1) {
            return s[0] + ".." + s[s.length - 1];
        }
        String shown = Arrays.stream(s).limit(12).mapToObj(Integer::toString).collect(Collectors.joining(", ", "[", ""));
        return shown + (s.length > 12 ? ", ... (" + s.length + " classes)]" : "]");
    }

    /** "0/2" style text of the classes, for dataset descriptions. */
    public String classesText() {
        return Arrays.stream(classes).mapToObj(Integer::toString).collect(Collectors.joining("/"));
    }
}
