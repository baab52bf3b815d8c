package catapult.engine.graph;

import java.util.List;

/**
 * The DAG an {@code arch} body recorded, before any weight is drawn: groups in creation order
 * (sources always come earlier) and the output groups. It is what the architecture is, as opposed
 * to one initialization of it; the infinite-width kernels are functions of it alone.
 */
public record ArchGraph(List<GraphGroup> groups, int[] outputs) {

    public ArchGraph {
        groups = List.copyOf(groups);
        outputs = outputs.clone();
    }

    /** Total input features per example (all input groups, in creation order). */
    public int inputSize() {
        int d = 0;
        for (GraphGroup g : groups) if (g.spec() instanceof GroupSpec.Input) d += g.size();
        return d;
    }

    /** Total outputs k (the output groups' features, in the order given to output(...)). */
    public int outputSize() {
        int k = 0;
        for (int o : outputs) k += groups.get(o).size();
        return k;
    }
}
