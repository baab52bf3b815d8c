package catapult.engine.graph;

import catapult.engine.autodiff.Fingerprint;
import catapult.engine.autodiff.OpProgram;
import catapult.engine.autodiff.Tape;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The last forward tape of a network, reused while neither the input nor the parameters
 * change: Lanczos and power iterations call hvp/jvp many times at one point, and each call
 * would otherwise redo the forward pass. Callers hold the cache's lock while using the tape.
 */
final class PrimalCache {
    private final Fingerprint xPrint = new Fingerprint();
    private final Fingerprint wPrint = new Fingerprint();
    private INDArray x;
    private double xfp;
    private double wfp;
    private Tape tape;

    /** The tape for (x, w), recomputed when either changed; valid until the next call. */
    Tape tape(OpProgram program, INDArray xIn, INDArray w) {
        double xf = xPrint.of(xIn);
        double wf = wPrint.of(w);
        if (tape != null && xIn == x && xf == xfp && wf == wfp) return tape;
        if (tape != null) tape.close();
        tape = program.forward(Inputs.flatten(xIn, program.inputSize()), w);
        x = xIn;
        xfp = xf;
        wfp = wf;
        return tape;
    }
}
