package catapult.engine.autodiff;

import java.util.function.Supplier;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.memory.enums.ResetPolicy;
import org.nd4j.linalg.api.memory.enums.SpillPolicy;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Runs a computation whose temporaries are all dropped at its end (a forward and reverse pass
 * that returns one small result) in a per-thread ND4J workspace, and copies the result out.
 * Exists because large temporaries freed together are handed back to the OS by malloc and
 * page-faulted in again on the next call: measured on the AGOP figure (n = 2000, six 8 MB
 * temporaries) that was half of the time. A workspace keeps one block per thread and reuses it.
 */
public final class Scratch {
    /** Blocks larger than this are released after use rather than kept per thread. */
    private static final long KEEP_BYTES = 512L << 20;

    private static final WorkspaceConfiguration CONFIG = WorkspaceConfiguration.builder()
            .initialSize(0)
            .policyAllocation(AllocationPolicy.OVERALLOCATE)
            .overallocationLimit(0.2)
            .policyLearning(LearningPolicy.FIRST_LOOP)
            .policyReset(ResetPolicy.BLOCK_LEFT)
            .policySpill(SpillPolicy.REALLOCATE)
            .build();

    private static final String ID = "catapult-scratch";

    private Scratch() {}

    /** body's result, detached from the workspace; body must not keep any array it allocates. */
    public static INDArray run(Supplier<INDArray> body) {
        if (Nd4j.getMemoryManager().getCurrentWorkspace() != null) return body.get();
        MemoryWorkspace ws = Nd4j.getWorkspaceManager().getWorkspaceForCurrentThread(CONFIG, ID);
        INDArray out;
        try (MemoryWorkspace active = ws.notifyScopeEntered()) {
            out = body.get().detach();
        }
        if (ws.getCurrentSize() > KEEP_BYTES) ws.destroyWorkspace(true);
        return out;
    }
}
