package catapult.engine.train;

import catapult.engine.autodiff.Blas;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The update rules behind the seven optimizers, written as in PyTorch's {@code torch.optim} (no
 * weight decay, no dampening) so results can be compared with the peer benchmark. Every rule
 * updates in place and reuses one scratch buffer per model: a training step allocates nothing.
 */
final class UpdateRules {

    private UpdateRules() {}

    /** w -= lr g (gd and sgd). */
    static UpdateRule plain() {
        return params -> (w, g, lr) -> Blas.axpy(-lr, g, w);
    }

    /** v = beta v + g; w -= lr v (heavy ball, as torch.optim.SGD with momentum). */
    static UpdateRule momentum(double beta) {
        return params -> {
            INDArray v = params.ulike().assign(0);
            return (w, g, lr) -> {
                Blas.scal(beta, v);
                Blas.axpy(1.0, g, v);
                Blas.axpy(-lr, v, w);
            };
        };
    }

    /** s = rho s + (1 - rho) g^2; w -= lr g / (sqrt(s) + eps). */
    static UpdateRule rmsprop(double rho, double eps) {
        return params -> {
            INDArray s = params.ulike().assign(0);
            INDArray tmp = params.ulike();
            return (w, g, lr) -> {
                s.muli(rho).addi(tmp.assign(g).muli(g).muli(1 - rho));
                sqrtInto(s, tmp).addi(eps);
                w.subi(tmp.rdivi(g).muli(lr));
            };
        };
    }

    /** s += g^2; w -= lr g / (sqrt(s) + eps). */
    static UpdateRule adagrad(double eps) {
        return params -> {
            INDArray s = params.ulike().assign(0);
            INDArray tmp = params.ulike();
            return (w, g, lr) -> {
                s.addi(tmp.assign(g).muli(g));
                sqrtInto(s, tmp).addi(eps);
                w.subi(tmp.rdivi(g).muli(lr));
            };
        };
    }

    /**
     * Zeiler's Adadelta: s = rho s + (1 - rho) g^2; d = sqrt(u + eps) / sqrt(s + eps) g;
     * u = rho u + (1 - rho) d^2; w -= lr d.
     */
    static UpdateRule adadelta(double rho, double eps) {
        return params -> {
            INDArray s = params.ulike().assign(0);
            INDArray u = params.ulike().assign(0);
            INDArray d = params.ulike();
            INDArray tmp = params.ulike();
            return (w, g, lr) -> {
                s.muli(rho).addi(tmp.assign(g).muli(g).muli(1 - rho));
                sqrtInto(tmp.assign(s).addi(eps), d);
                Transforms.sqrt(tmp.assign(u).addi(eps), false);
                d.rdivi(tmp).muli(g);
                u.muli(rho).addi(tmp.assign(d).muli(d).muli(1 - rho));
                w.subi(d.muli(lr));
            };
        };
    }

    /**
     * Adam with bias correction: m = b1 m + (1 - b1) g; v = b2 v + (1 - b2) g^2;
     * w -= lr (m / (1 - b1^t)) / (sqrt(v / (1 - b2^t)) + eps), t counting updates from 1.
     */
    static UpdateRule adam(double b1, double b2, double eps) {
        return params -> {
            INDArray m = params.ulike().assign(0);
            INDArray v = params.ulike().assign(0);
            INDArray tmp = params.ulike();
            int[] t = {0};
            return (w, g, lr) -> {
                t[0]++;
                m.muli(b1).addi(tmp.assign(g).muli(1 - b1));
                v.muli(b2).addi(tmp.assign(g).muli(g).muli(1 - b2));
                double c1 = 1 - Math.pow(b1, t[0]);
                double c2 = 1 - Math.pow(b2, t[0]);
                Transforms.sqrt(tmp.assign(v).divi(c2), false).addi(eps);
                w.subi(tmp.rdivi(m).muli(lr / c1));
            };
        };
    }

    /** sqrt(x) written into {@code out} without allocating. */
    private static INDArray sqrtInto(INDArray x, INDArray out) {
        return Transforms.sqrt(out.assign(x), false);
    }
}
