package catapult.engine.autodiff;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The cotangents flowing backwards through a reverse pass: per node, {@code bbar} pairs with
 * the first-order coefficient b (for a plain vjp it is the ordinary cotangent) and
 * {@code cbar} with the second-order coefficient c. Tracks which arrays it owns so that
 * accumulation never writes into a caller's or another node's array.
 *
 * <p>Ops either hand over an array ({@link #addB}, {@link #addC}) or, allocation-free, write
 * straight into the node's buffer: {@link #target} gives the array to write (the node's tape
 * slot, or the array already accumulated there), {@link #has} says whether to add to it, and
 * {@link #wrote} records the write.
 */
public final class Cotangents {
    final INDArray[] bbar;
    final INDArray[] cbar;
    private final boolean[] ownB;
    private final boolean[] ownC;
    /** needed[v]: whether any consumer wants the cotangent of node v. */
    final boolean[] needed;
    /** neededC[v]: whether anything uses the c-cotangent of node v. */
    final boolean[] neededC;
    /** When set, parameterized ops report their per-example factors here instead of gradients. */
    final KernelSink sink;
    private final Tape tape;
    /** A b-cotangent kept as a sum of outer products until a consumer needs the array. */
    private final RankOne[] rankOne;

    /**
     * sum_t alpha_t column_t row_t' (n x 1 times 1 x size, one or two terms): what a one-unit dense
     * group sends to its source (gb W, plus 2 gc dW in second-order passes).
     */
    record RankOne(INDArray[] columns, INDArray[] rows, double[] alphas) {
        long width() { return rows[0].length(); }
    }

    Cotangents(Tape tape, int nodes, boolean[] needed, boolean[] neededC, KernelSink sink) {
        this.tape = tape;
        bbar = new INDArray[nodes];
        cbar = new INDArray[nodes];
        ownB = new boolean[nodes];
        ownC = new boolean[nodes];
        this.needed = needed;
        this.neededC = neededC;
        this.sink = sink;
        this.rankOne = new RankOne[nodes];
    }

    /** The b-cotangent of node v (null = zero). */
    public INDArray b(int v) {
        if (rankOne[v] != null) materialize(v);
        return bbar[v];
    }

    /** Whether node v has a cotangent of either stream (without forming a pending rank-1 one). */
    boolean present(int v) { return bbar[v] != null || cbar[v] != null || rankOne[v] != null; }

    /**
     * Keeps node v's b-cotangent as alpha column row' (v must have none yet): a consumer that can
     * use the factors (an activation's backward step) then fuses the outer product into its own
     * loop instead of writing and reading the n x size product.
     */
    void pendRankOne(int v, INDArray[] columns, INDArray[] rows, double[] alphas) {
        rankOne[v] = new RankOne(columns, rows, alphas);
    }

    /**
     * Whether node v's b-cotangent array outlives v's release (the caller's seed or a tape slot),
     * so it may serve as the column of a pending rank-1 cotangent.
     */
    boolean lasting(boolean first, int v) {
        INDArray x = (first ? bbar : cbar)[v];
        return x != null && (!(first ? ownB : ownC)[v] || tape.isSlot(x));
    }

    /** Node v's pending rank-1 b-cotangent, or null. */
    RankOne pendingB(int v) { return rankOne[v]; }

    private void materialize(int v) {
        RankOne r = rankOne[v];
        rankOne[v] = null;
        INDArray slot = tape.slot(TapeSlots.Role.BBAR, v, r.width());
        for (int i = 0; i < r.columns().length; i++) {
            Blas.gemm(r.columns()[i], r.rows()[i], slot, false, false, r.alphas()[i], i == 0 ? 0.0 : 1.0);
        }
        bbar[v] = slot;
        ownB[v] = true;
    }

    /** The c-cotangent of node v (null = zero). */
    public INDArray c(int v) { return cbar[v]; }

    /** Whether node v's cotangent is used by anything. */
    public boolean needed(int v) { return needed[v]; }

    /** Whether node v's c-cotangent is used by anything (second-order passes only). */
    public boolean neededC(int v) { return neededC[v]; }

    /** Whether a contribution to v's cotangent of one stream ({@code first}: b) is wanted. */
    boolean wants(boolean first, int v) { return first ? needed[v] : neededC[v]; }

    /** Whether v's cotangent of that stream already holds a value (so a write must add). */
    boolean has(boolean first, int v) { return (first ? bbar : cbar)[v] != null || first && rankOne[v] != null; }

    /**
     * The n x cols array a contribution to v's cotangent is written into: v's slot when nothing
     * is there yet, else the accumulated array (copied into v's slot first if this pass does not
     * own it).
     */
    INDArray target(boolean first, int v, long cols) {
        INDArray[] slot = first ? bbar : cbar;
        boolean[] own = first ? ownB : ownC;
        TapeSlots.Role role = first ? TapeSlots.Role.BBAR : TapeSlots.Role.CBAR;
        if (first && rankOne[v] != null) materialize(v);
        INDArray x = slot[v];
        if (x == null) return tape.slot(role, v, cols);
        if (own[v] && (x.closeable() || tape.isSlot(x))) return x;
        INDArray s = tape.slot(role, v, cols);
        Fused.copy(x, s);
        if (own[v]) Buffers.release(x);
        slot[v] = s;
        own[v] = true;
        return s;
    }

    /** Records that {@code target} now holds v's cotangent of that stream. */
    void wrote(boolean first, int v, INDArray target) {
        (first ? bbar : cbar)[v] = target;
        (first ? ownB : ownC)[v] = true;
    }

    /** Adds x to node v's b-cotangent; {@code owned} says x is a fresh array we may keep. */
    public void addB(int v, INDArray x, boolean owned) {
        if (x == null || !needed[v]) { if (owned) release(x); return; }
        if (rankOne[v] != null) materialize(v);
        if (bbar[v] == null) { bbar[v] = x; ownB[v] = owned; return; }
        bbar[v] = accumulate(bbar[v], ownB[v], x, owned);
        ownB[v] = true;
    }

    /** Adds x to node v's c-cotangent. */
    public void addC(int v, INDArray x, boolean owned) {
        if (x == null || !neededC[v]) { if (owned) release(x); return; }
        if (cbar[v] == null) { cbar[v] = x; ownC[v] = owned; return; }
        cbar[v] = accumulate(cbar[v], ownC[v], x, owned);
        ownC[v] = true;
    }

    /** Adds to the b stream ({@code first}) or the c stream. */
    public void add(boolean first, int v, INDArray x, boolean owned) {
        if (first) addB(v, x, owned); else addC(v, x, owned);
    }

    /** Moves node from's cotangent (of one stream) to node to, with its ownership. */
    void move(boolean first, int from, int to) {
        if (first && rankOne[from] != null) materialize(from);
        INDArray[] slot = first ? bbar : cbar;
        boolean[] own = first ? ownB : ownC;
        INDArray x = slot[from];
        boolean owned = own[from];
        slot[from] = null;
        own[from] = false;
        add(first, to, x, owned);
    }

    /** Frees node v's cotangents once its op has consumed them. */
    void releaseNode(int v) {
        rankOne[v] = null;
        if (ownB[v]) release(bbar[v]);
        if (ownC[v]) release(cbar[v]);
        bbar[v] = null;
        cbar[v] = null;
    }

    /** Whether node v's b-cotangent is an array this pass allocated (so it may be overwritten). */
    boolean ownsB(int v) { return b(v) != null && ownB[v]; }

    /** Detaches node v's b-cotangent as an array the caller owns (a copy of a tape slot). */
    INDArray takeB(int v) {
        if (rankOne[v] != null) materialize(v);
        INDArray x = bbar[v];
        if (x != null && (!ownB[v] || tape.isSlot(x))) x = x.dup();
        bbar[v] = null;
        ownB[v] = false;
        return x;
    }

    /** Closes x unless it is null or a reusable tape slot. */
    private void release(INDArray x) {
        if (x != null && !tape.isSlot(x)) Buffers.release(x);
    }

    private INDArray accumulate(INDArray acc, boolean accOwned, INDArray x, boolean xOwned) {
        if (accOwned && (acc.closeable() || tape.isSlot(acc))) {
            acc.addi(x);
            if (xOwned) release(x);
            return acc;
        }
        if (xOwned && (x.closeable() || tape.isSlot(x))) return x.addi(acc);
        return acc.add(x);
    }
}
