package catapult.engine.graph;

/**
 * One group of an {@link ArchGraph}: its position in creation order, its sources, its
 * per-example shape, what it computes, and where in the user's code it was created (a
 * "file:line:col" text, or null when unknown) so that analyses can name it in messages.
 */
public record GraphGroup(int id, String kind, int[] sources, long[] shape, GroupSpec spec, String origin) {

    /** Features per example (the product of the shape). */
    public int size() {
        long s = 1;
        for (long d : shape) s *= d;
        return Math.toIntExact(s);
    }

    /** "dense at demo.cat:4:11" or "dense (group 3)" for messages. */
    public String describe() {
        return origin == null ? kind + " (group " + id + ")" : kind + " at " + origin;
    }
}
