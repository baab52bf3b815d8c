package catapult.engine.models;

import catapult.engine.autodiff.Fingerprint;
import catapult.engine.autodiff.OpProgram;
import catapult.engine.autodiff.Tape;
import catapult.engine.graph.Inputs;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What the Taylor models keep about w0: the frozen parameter vector and the forward tapes at w0
 * (activations, activation derivatives) for the last two inputs, so a training step on the
 * same batch costs only the tangent and reverse passes. Inputs are recognised by identity plus
 * a random projection of their values, so refilling the same buffer with new data is noticed.
 * Not thread-safe: one model is trained by one thread.
 */
final class ExpansionPoint {
    private final OpProgram program;
    private final INDArray w0;
    private final Entry[] entries = new Entry[2];
    private Object tangentOwner;
    private final Fingerprint fingerprint = new Fingerprint();

    private record Entry(INDArray x, double fingerprint, Tape tape) {}

    ExpansionPoint(OpProgram program, INDArray w0) {
        this.program = program;
        this.w0 = w0;
    }

    OpProgram program() { return program; }

    INDArray w0() { return w0; }

    /** The tape at w0 for x (n x d or images), computed on first use. */
    Tape tape(INDArray x) {
        double fp = fingerprint.of(x);
        for (Entry e : entries) {
            if (e != null && e.x == x && e.fingerprint == fp) return e.tape;
        }
        if (entries[1] != null) entries[1].tape.close();
        entries[1] = entries[0];
        Tape t = program.forward(Inputs.flatten(x, program.inputSize()), w0);
        entries[0] = new Entry(x, fp, t);
        tangentOwner = null;
        return t;
    }

    /**
     * Pushes direction d through the tape unless {@code owner} was the last to do so; owners
     * are passes (or null for a one-off use that nobody may rely on afterwards).
     */
    void tangents(Tape t, INDArray d, boolean second, Object owner) {
        if (owner != null && owner == tangentOwner) return;
        program.tangents(t, w0, d, second);
        tangentOwner = owner;
    }

    /** Frees every cached tape (the model stays usable). */
    void clear() {
        for (int i = 0; i < entries.length; i++) {
            if (entries[i] != null) entries[i].tape.close();
            entries[i] = null;
        }
        tangentOwner = null;
    }

}
