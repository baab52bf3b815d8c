package catapult.engine.train;

import catapult.engine.PhaseClock;
import catapult.engine.PhaseClock.Phase;
import catapult.engine.kernels.Loss;
import catapult.engine.models.Model;
import java.util.HashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The loss and gradient of one training step, written into buffers allocated once: the loss
 * cotangent dL/df per batch size (n x k) and the gradient (length p). With the tapes' reused
 * slots and gathered batches this makes a steady-state step allocation-free. The training loop
 * and the benchmark's step figures share it, so the benchmark times the loop's real step.
 */
public final class GradientStep {
    private final Model model;
    private final Loss loss;
    private final Map<Integer, INDArray> cotangents = new HashMap<>();
    private final INDArray gradient;

    public GradientStep(Model model, Loss loss) {
        this.model = model;
        this.loss = loss;
        this.gradient = Nd4j.createUninitialized(model.params().dataType(), model.paramCount());
    }

    /**
     * The loss of a recorded forward pass against targets y (n x k), and its gradient into
     * {@link #gradient()}; returns the loss value.
     */
    public double run(Model.Pass pass, INDArray y) {
        INDArray f = pass.output();
        INDArray cotangent = cotangent(Math.toIntExact(f.size(0)), Math.toIntExact(f.size(1)));
        double value = 0.5 * loss.curvature(f.size(0)) * loss.residual(f, y, cotangent);
        try (PhaseClock.Scope ignored = PhaseClock.enter(Phase.REVERSE)) {
            pass.vjpInto(cotangent, gradient);
        }
        return value;
    }

    /** The gradient of the last {@link #run} (the buffer is reused by the next). */
    public INDArray gradient() { return gradient; }

    private INDArray cotangent(int n, int k) {
        INDArray c = cotangents.get(n);
        if (c == null || c.columns() != k) {
            c = Nd4j.createUninitialized(model.params().dataType(), new long[] {n, k}, 'c');
            cotangents.put(n, c);
        }
        return c;
    }
}
