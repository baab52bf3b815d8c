package catapult.engine.graph;

import catapult.engine.autodiff.ConvOp;
import catapult.engine.autodiff.DenseOp;
import catapult.engine.autodiff.Op;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The graph facts the thesis defines on a DAG network: the layer of each group (longest path
 * from the inputs counting only weighted groups, Def. 2.2.1/2.2.5), the depth L, the width m
 * (Def. 2.2.7: minimum in-degree over neurons outside the input and first layers) and the
 * summary table.
 */
public final class Topology {
    /** One row of {@code summary()}. */

    private final int[] layer;
    private final int[] minIn;
    private final int[] maxIn;
    private final int depth;
    private final int width;
    private final List<GroupSummary> rows = new ArrayList<>();

    Topology(List<GraphBuilder.Group> groups, int[] inputs, int[] outputs, List<Op> ops) {
        int n = groups.size();
        layer = new int[n];
        minIn = new int[n];
        maxIn = new int[n];
        for (int v = 0; v < n; v++) {
            GraphBuilder.Group g = groups.get(v);
            int l = 0;
            for (int s : g.src()) l = Math.max(l, layer[s]);
            layer[v] = g.weighted() ? l + 1 : l;
            int[] deg = inDegrees(ops.get(v));
            minIn[v] = deg.length == 0 ? 0 : Arrays.stream(deg).min().getAsInt();
            maxIn[v] = deg.length == 0 ? 0 : Arrays.stream(deg).max().getAsInt();
            rows.add(new GroupSummary(g.kind() + "_" + v, g.kind(), shapeText(g.shape()), ops.get(v).paramCount(),
                    deg.length == 0 ? "" : minIn[v] == maxIn[v] ? "" + minIn[v] : minIn[v] + ".." + maxIn[v]));
        }
        int d = 0;
        for (int o : outputs) d = Math.max(d, layer[o]);
        depth = d;
        width = widthOf(groups);
    }

    int depth() { return depth; }

    int width() { return width; }

    List<GroupSummary> rows() { return List.copyOf(rows); }

    /** Smallest in-degree over all neurons of weighted groups (0 when there are none). */
    int indegreeMin() {
        int m = Integer.MAX_VALUE;
        for (int v = 0; v < layer.length; v++) if (maxIn[v] > 0) m = Math.min(m, minIn[v]);
        return m == Integer.MAX_VALUE ? 0 : m;
    }

    /** Largest in-degree over all neurons. */
    int indegreeMax() { return Arrays.stream(maxIn).max().orElse(0); }

    /** Def. 2.2.7; a one-layer network has no such neurons, so its first layer counts. */
    private int widthOf(List<GraphBuilder.Group> groups) {
        int m = Integer.MAX_VALUE;
        for (int v = 0; v < layer.length; v++) {
            if (groups.get(v).weighted() && layer[v] >= 2) m = Math.min(m, minIn[v]);
        }
        if (m == Integer.MAX_VALUE) {
            for (int v = 0; v < layer.length; v++) if (groups.get(v).weighted()) m = Math.min(m, minIn[v]);
        }
        return m == Integer.MAX_VALUE ? 0 : m;
    }

    private static int[] inDegrees(Op op) {
        if (op instanceof DenseOp d) return d.inDegrees();
        if (op instanceof ConvOp c) return new int[]{c.inDegree()};
        return new int[0];
    }

    private static String shapeText(long[] s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length; i++) b.append(i == 0 ? "" : "x").append(s[i]);
        return b.toString();
    }
}
