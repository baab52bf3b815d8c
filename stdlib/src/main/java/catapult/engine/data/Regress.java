package catapult.engine.data;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Labels inputs with a regression target: y = target(x) + noise * N(0, 1), the synthetic tasks
 * of the thesis's feature-learning experiments (Section 4.4: x ~ N(0, I_100), noise 0.1).
 */
public final class Regress {

    private Regress() {}

    /** The inputs of {@code data} (flattened to n x d for the target) labelled by {@code target}. */
    public static Dataset regress(Dataset data, Target target, double noise, long seed) {
        INDArray flat = data.xFlat();
        INDArray y = values(target, flat);
        if (noise != 0) {
            y.addi(Draws.normal(seed, y.dataType(), y.shape()).muli(noise));
        }
        String what = data.description().isEmpty() ? target.label() : data.description() + ", target " + target.label();
        return Dataset.of(data.x(), y, what);
    }

    /** Inputs given as a tensor (n x d, or a vector read as n x 1). */
    public static Dataset regress(INDArray x, Target target, double noise, long seed) {
        return regress(Dataset.inputsOnly(x, ""), target, noise, seed);
    }

    /** target(x) as an n x k array in x's dtype, checked to have one row per example. */
    static INDArray values(Target target, INDArray x) {
        INDArray y = target.apply(x);
        long n = x.size(0);
        if (y.rank() == 1 && y.length() == n) {
            y = y.reshape('c', n, 1);
        }
        if (y.rank() != 2 || y.size(0) != n) {
            throw new IllegalArgumentException("target " + target.label() + " returned shape "
                    + Arrays.toString(y.shape()) + ", expected " + n + " rows (one per example)");
        }
        return y.castTo(x.dataType()).dup('c');
    }
}
