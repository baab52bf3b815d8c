package catapult.engine.graph;

import java.util.Arrays;

/**
 * A handle to one neuron group recorded by a {@link GraphBuilder}: what the DSL's builders
 * return and accept. Carries the group's per-example shape so builders can check shapes.
 */
public final class Node {
    final GraphBuilder owner;
    final int id;
    private final long[] shape;

    Node(GraphBuilder owner, int id, long[] shape) {
        this.owner = owner;
        this.id = id;
        this.shape = shape.clone();
    }

    /** Node id within its graph (creation order). */
    public int id() { return id; }

    /** Per-example shape: {d} for vectors, {h, w, c} for images. */
    public long[] shape() { return shape.clone(); }

    /** Features per example (product of the shape). */
    public int size() {
        long s = 1;
        for (long d : shape) s *= d;
        return Math.toIntExact(s);
    }

    /** Whether this group is an image (h x w x c). */
    public boolean isImage() { return shape.length == 3; }

    @Override
    public String toString() { return "node(" + id + ", shape=" + Arrays.toString(shape) + ")"; }
}
