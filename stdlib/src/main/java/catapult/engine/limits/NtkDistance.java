package catapult.engine.limits;

import catapult.engine.graph.Network;
import catapult.engine.kernels.LinearOperator;
import catapult.engine.kernels.Ntk;
import catapult.engine.kernels.Spectra;
import catapult.engine.models.Model;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * How far a model's tangent kernel is from its architecture's infinite-width limit while it
 * trains: |K_t - K_inf|_2 / |K_inf|_2 on the training inputs (spectral norms). K_inf is computed
 * once, from the architecture of the network (or of the network a linear or quadratic model
 * expands) and the std it was initialized with. Transition to linearity (thesis Chapter 2)
 * predicts O(1/sqrt(width)) at initialization and that it stays there during training.
 */
public final class NtkDistance {
    private final Model model;
    private final INDArray x;
    private final INDArray limit;
    private final double limitNorm;

    public NtkDistance(Model model, INDArray x) {
        Network net = networkOf(model);
        this.model = model;
        this.x = x;
        INDArray k = InfiniteWidthKernels.of(net.graph(), x, net.initStd(), InfiniteWidthKernels.Kind.NTK);
        this.limit = k.castTo(model.params().dataType());
        this.limitNorm = Spectra.topEigenvalues(limit, 1)[0];
    }

    /** |K_t - K_inf|_2 / |K_inf|_2 at the model's current parameters. */
    public double measure() {
        INDArray diff = Ntk.of(model, x).subi(limit);
        long side = diff.rows();
        LinearOperator op = v -> Nd4j.gemm(diff, v.reshape(side, 1), false, false).reshape(side);
        double norm = Spectra.spectralNorm(op, side, 0, diff.dataType(), 1e-6);
        diff.close();
        return limitNorm > 0 ? norm / limitNorm : Double.NaN;
    }

    /** The kernel it compares with. */
    public INDArray limit() { return limit; }

    private static Network networkOf(Model m) {
        Model base = m instanceof Network ? m : m.base();
        if (!(base instanceof Network net)) {
            throw new IllegalArgumentException("metric 'ntk_distance' needs an architecture: a " + m.describe() + " has none, so no"
                    + " infinite-width limit; track it on a network from init(arch) or its linear/quadratic model");
        }
        if (!net.ntkParameterization()) {
            throw new IllegalArgumentException("metric 'ntk_distance' measures the distance to the limit of the NTK parameterization; this network"
                    + " was initialized with param: \"standard\"");
        }
        return net;
    }
}
