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
 *
 * <p>Ops write into the tape's {@link TapeSlots} (buffers reused across passes with the same
 * batch size) where they can; closing the tape hands the slots back to the program's pool, so
 * arrays read from a closed tape are invalid.
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
    private final java.util.List<INDArray> borrowed = new java.util.ArrayList<>(1);
    private final TapeSlots slots;
    private final TapePool pool;
    private boolean closed;

    Tape(int n, int nodes, TapeSlots slots, TapePool pool) {
        this.n = n;
        this.slots = slots;
        this.pool = pool;
        a = new INDArray[nodes];
        b = new INDArray[nodes];
        c = new INDArray[nodes];
        aux1 = new INDArray[nodes];
        aux2 = new INDArray[nodes];
    }

    /** Marks an array as the caller's: {@link #close()} leaves it alone. */
    void borrow(INDArray x) { borrowed.add(x); }

    /** The reusable n x cols buffer of (role, node). */
    INDArray slot(TapeSlots.Role role, int node, long cols) { return slots.get(role, node, cols); }

    /** Whether x is a reusable buffer of this tape (never to be closed by a pass). */
    boolean isSlot(INDArray x) { return slots.owns(x); }

    /** Drops the tangents (b, c) so another direction can be pushed through the same primal. */
    public void clearTangents() {
        if (anyOwned(b) || anyOwned(c)) {
            Set<INDArray> keep = Collections.newSetFromMap(new IdentityHashMap<>());
            for (INDArray[] g : new INDArray[][]{a, aux1, aux2}) for (INDArray x : g) if (x != null) keep.add(x);
            releaseAll(keep, b, c);
        }
        java.util.Arrays.fill(b, null);
        java.util.Arrays.fill(c, null);
    }

    /** Frees every buffer this tape allocated and returns its slots to the pool (once). */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        INDArray[][] all = {a, b, c, aux1, aux2};
        boolean owned = false;
        for (INDArray[] g : all) owned |= anyOwned(g);
        if (owned) releaseAll(Collections.newSetFromMap(new IdentityHashMap<>()), all);
        for (INDArray[] g : all) java.util.Arrays.fill(g, null);
        if (pool != null) pool.give(slots); else slots.free();
    }

    /** Whether the group holds an array this tape allocated outside its slots (one to release). */
    private boolean anyOwned(INDArray[] group) {
        for (INDArray x : group) if (x != null && !slots.owns(x) && !isBorrowed(x)) return true;
        return false;
    }

    private boolean isBorrowed(INDArray x) {
        for (INDArray y : borrowed) if (y == x) return true;
        return false;
    }

    /** Closes each array once (aliases share buffers), skipping slots, borrowed arrays and those in {@code keep}. */
    private void releaseAll(Set<INDArray> keep, INDArray[]... groups) {
        for (INDArray[] g : groups) {
            for (INDArray x : g) {
                if (x != null && !slots.owns(x) && !isBorrowed(x) && keep.add(x)) Buffers.release(x);
            }
        }
    }
}
