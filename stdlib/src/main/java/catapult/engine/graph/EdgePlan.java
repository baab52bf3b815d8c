package catapult.engine.graph;

import catapult.lang.builtins.Cancellation;
import java.util.SplittableRandom;

/**
 * Which edges of a dense group exist: all, each kept with probability 1 - drop, or exactly
 * {@code indegree} random sources per neuron. Drawn once at init, then fixed.
 */
record EdgePlan(int units, int fanin, double drop, Integer indegree) {

    /** The kept edges, row-major units x fanin, or null when every edge is kept. */
    boolean[] mask(SplittableRandom rng) {
        if (indegree == null && drop == 0.0) return null;
        boolean[] m = new boolean[units * fanin];
        if (indegree == null) {
            for (int i = 0; i < m.length; i++) {
                Cancellation.poll(i);
                m[i] = rng.nextDouble() >= drop;
            }
            return m;
        }
        int[] perm = new int[fanin];
        for (int v = 0; v < units; v++) {
            Cancellation.poll();
            for (int u = 0; u < fanin; u++) perm[u] = u;
            for (int j = 0; j < indegree; j++) {       // partial Fisher-Yates: k distinct sources
                int r = j + rng.nextInt(fanin - j);
                int tmp = perm[j]; perm[j] = perm[r]; perm[r] = tmp;
                m[v * fanin + perm[j]] = true;
            }
        }
        return m;
    }

    /** Surviving edges per neuron. */
    static int[] inDegrees(boolean[] mask, int units, int fanin) {
        int[] d = new int[units];
        for (int v = 0; v < units; v++) {
            if (mask == null) { d[v] = fanin; continue; }
            for (int u = 0; u < fanin; u++) if (mask[v * fanin + u]) d[v]++;
        }
        return d;
    }
}
