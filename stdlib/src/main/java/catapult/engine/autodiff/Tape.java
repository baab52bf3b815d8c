package catapult.engine.autodiff;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * The values a forward pass leaves for the passes after it: per node, the primal value
 * {@code a} (n x size), the first and second Taylor coefficients {@code b}, {@code c} along a
 * parameter direction (null where they are zero), and per-op caches such as activation
 * derivatives at {@code a}. Indexed by node id.
 */
public final class Tape implements AutoCloseable {
    /** Number of examples. */
    public final int n;
    /** Primal values, n x size per node. */
    public final INDArray[] a;
    /** First-order coefficients along the direction (null = zero). */
    public final INDArray[] b;
    /** Second-order coefficients (null = zero or not computed). */
    public final INDArray[] c;
    /** Op-private caches that depend only on the primal values (e.g. sigma'(a)). */
    public final INDArray[] aux1;
    /** A second op-private cache slot (e.g. sigma''(a)). */
    public final INDArray[] aux2;

    /** Arrays the caller lent (the inputs): never released by this tape. */
    private final Set<INDArray> borrowed = Collections.newSetFromMap(new IdentityHashMap<>());

    Tape(int n, int nodes) {
        this.n = n;
        a = new INDArray[nodes];
        b = new INDArray[nodes];
        c = new INDArray[nodes];
        aux1 = new INDArray[nodes];
        aux2 = new INDArray[nodes];
    }

    /** Marks an array as the caller's: {@link #close()} leaves it alone. */
    void borrow(INDArray x) { borrowed.add(x); }

    /** Drops the tangents (b, c) so another direction can be pushed through the same primal. */
    public void clearTangents() {
        Set<INDArray> keep = distinct(a, aux1, aux2);
        keep.addAll(borrowed);
        releaseAll(keep, b, c);
        java.util.Arrays.fill(b, null);
        java.util.Arrays.fill(c, null);
    }

    /** Frees every buffer this tape owns; arrays it holds become invalid. */
    @Override
    public void close() {
        Set<INDArray> keep = Collections.newSetFromMap(new IdentityHashMap<>());
        keep.addAll(borrowed);
        releaseAll(keep, a, b, c, aux1, aux2);
    }

    private static Set<INDArray> distinct(INDArray[]... groups) {
        Set<INDArray> s = Collections.newSetFromMap(new IdentityHashMap<>());
        for (INDArray[] g : groups) for (INDArray x : g) if (x != null) s.add(x);
        return s;
    }

    /** Closes each array once (aliases share buffers), skipping those in {@code keep}. */
    private static void releaseAll(Set<INDArray> keep, INDArray[]... groups) {
        for (INDArray[] g : groups) {
            for (INDArray x : g) {
                if (x != null && keep.add(x)) Buffers.release(x);
            }
        }
    }
}
