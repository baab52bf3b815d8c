package catapult.engine.autodiff;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The preallocated buffers of one batch size: per node and role (value, derivative caches,
 * tangents, cotangents) one n x size array, created on first use and reused by every later pass
 * with the same n. Exists so that a training step allocates nothing once it has run once
 * (allocating and freeing an ND4J array costs 15-25 us, and 60-380 us when left to the GC).
 * Arrays of the slots belong to the slots: passes write into them and never close them.
 */
final class TapeSlots {
    /** What a slot holds for its node. */
    enum Role { VALUE, AUX1, AUX2, B, C, BBAR, CBAR, JOIN_B, JOIN_C, SCRATCH }

    final int n;
    final DataType dtype;
    private final INDArray[][] arrays;
    private final Set<INDArray> mine = Collections.newSetFromMap(new IdentityHashMap<>());
    private long bytes;

    TapeSlots(int n, int nodes, DataType dtype) {
        this.n = n;
        this.dtype = dtype;
        this.arrays = new INDArray[Role.values().length][nodes];
    }

    /** The n x cols buffer of (role, node), allocated outside any workspace on first use. */
    INDArray get(Role role, int node, long cols) {
        INDArray a = arrays[role.ordinal()][node];
        if (a != null && a.columns() == cols && !a.wasClosed()) return a;
        if (a != null) release(a);
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            a = Nd4j.createUninitialized(dtype, new long[]{n, cols}, 'c');
        }
        arrays[role.ordinal()][node] = a;
        mine.add(a);
        bytes += a.length() * dtype.width();
        return a;
    }

    /** Whether x is one of these buffers (so no pass may close it). */
    boolean owns(INDArray x) { return x != null && mine.contains(x); }

    /** Every buffer, for the tape's release bookkeeping. */
    Set<INDArray> all() { return mine; }

    long bytes() { return bytes; }

    /** Frees every buffer; the slots are unusable afterwards. */
    void free() {
        for (INDArray a : mine) Buffers.release(a);
        mine.clear();
        bytes = 0;
        for (INDArray[] row : arrays) java.util.Arrays.fill(row, null);
    }

    private void release(INDArray a) {
        mine.remove(a);
        bytes -= a.length() * dtype.width();
        Buffers.release(a);
    }
}
