package catapult.engine.limits;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The edge masks of a dense group that reads only input features (a fixed number d of them) with
 * {@code drop} or {@code indegree}: each neuron keeps its own random subset S, so its
 * pre-activation covariance (1/|S|) sum_{u in S} x_u x'_u does not average out however wide the
 * group is, and the limit is an expectation over S. All subsets are enumerated when there are at
 * most {@value #EXACT_LIMIT} of them (exact); otherwise {@value #DRAWS} subsets are drawn with a
 * fixed seed (a Monte-Carlo average whose error shrinks with d, since |S| concentrates).
 */
final class MaskMixture {
    static final int EXACT_LIMIT = 4096;
    static final int DRAWS = 2048;
    private static final long SEED = 0x5EEDL;

    /** A subset of the d sources and its probability. */
    record Mask(double weight, int[] kept) {}

    private MaskMixture() {}

    static List<Mask> masks(int d, double drop, Integer indegree) {
        if (indegree != null) return indegreeMasks(d, indegree);
        if (d <= 12) return allSubsets(d, drop);
        List<Mask> out = new ArrayList<>();
        SplittableRandom rng = new SplittableRandom(SEED);
        for (int m = 0; m < DRAWS; m++) {
            List<Integer> kept = new ArrayList<>();
            for (int u = 0; u < d; u++) if (rng.nextDouble() >= drop) kept.add(u);
            out.add(new Mask(1.0 / DRAWS, kept.stream().mapToInt(Integer::intValue).toArray()));
        }
        return out;
    }

    private static List<Mask> allSubsets(int d, double drop) {
        List<Mask> out = new ArrayList<>();
        for (int bits = 0; bits < (1 << d); bits++) {
            int size = Integer.bitCount(bits);
            int[] kept = new int[size];
            for (int u = 0, j = 0; u < d; u++) if ((bits >> u & 1) == 1) kept[j++] = u;
            out.add(new Mask(Math.pow(1 - drop, size) * Math.pow(drop, d - size), kept));
        }
        return out;
    }

    private static List<Mask> indegreeMasks(int d, int k) {
        List<Mask> out = new ArrayList<>();
        if (binomial(d, k) <= EXACT_LIMIT) {
            double w = 1.0 / binomial(d, k);
            int[] c = new int[k];
            for (int i = 0; i < k; i++) c[i] = i;
            while (c != null) {
                out.add(new Mask(w, c.clone()));
                c = next(c, d);
            }
            return out;
        }
        SplittableRandom rng = new SplittableRandom(SEED);
        int[] perm = new int[d];
        for (int m = 0; m < DRAWS; m++) {
            for (int u = 0; u < d; u++) perm[u] = u;
            for (int j = 0; j < k; j++) {
                int r = j + rng.nextInt(d - j);
                int t = perm[j]; perm[j] = perm[r]; perm[r] = t;
            }
            int[] kept = java.util.Arrays.copyOf(perm, k);
            java.util.Arrays.sort(kept);
            out.add(new Mask(1.0 / DRAWS, kept));
        }
        return out;
    }

    /** The next k-combination of 0..d-1 in lexicographic order, or null after the last. */
    private static int[] next(int[] c, int d) {
        int k = c.length;
        int i = k - 1;
        while (i >= 0 && c[i] == d - k + i) i--;
        if (i < 0) return null;
        c[i]++;
        for (int j = i + 1; j < k; j++) c[j] = c[j - 1] + 1;
        return c;
    }

    private static double binomial(int d, int k) {
        double b = 1;
        for (int i = 0; i < k; i++) b = b * (d - i) / (i + 1);
        return b;
    }
}
