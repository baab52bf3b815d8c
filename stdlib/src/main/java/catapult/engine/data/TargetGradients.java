package catapult.engine.data;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Per-example input gradients of a target, for its EGOP: the closed form when the target has
 * one ({@link Target#inputGradient}), otherwise central differences batched over examples: coordinate j of every example is perturbed at once, so the cost is 2d
 * evaluations of the target on the whole batch. Computed in float64 with the step
 * h = eps^(1/3) max(1, |x_ij|), which balances truncation and rounding error.
 */
public final class TargetGradients {

    private static final double STEP = Math.cbrt(Math.ulp(1.0));

    private TargetGradients() {}

    /**
     * For each output column o of the target, the n x d matrix of d f_o(x_i) / d x_ij: the
     * analytic gradient (one matrix, x's dtype) when known, else central differences (float64).
     */
    public static INDArray[] of(Target target, INDArray x) {
        INDArray exact = target.inputGradient(x);
        if (exact != null) {
            return new INDArray[] {exact.castTo(x.dataType())};
        }
        return centralDifferences(target, x);
    }

    /** Central differences for every output column, in float64. */
    public static INDArray[] centralDifferences(Target target, INDArray x) {
        INDArray x64 = x.castTo(DataType.DOUBLE).dup('c');
        long n = x64.size(0);
        long d = x64.size(1);
        INDArray[] grads = null;
        for (long j = 0; j < d; j++) {
            INDArray column = x64.get(NDArrayIndex.all(), NDArrayIndex.point(j));
            INDArray original = column.dup();
            INDArray h = Transforms.max(Transforms.abs(original), 1.0).muli(STEP);
            column.assign(original.add(h));
            INDArray plus = evaluate(target, x64, n);
            column.assign(original.sub(h));
            INDArray minus = evaluate(target, x64, n);
            column.assign(original);
            INDArray slope = plus.subi(minus).diviColumnVector(h.mul(2).reshape(n, 1));
            if (grads == null) {
                grads = allocate((int) slope.size(1), n, d);
            }
            for (int o = 0; o < grads.length; o++) {
                grads[o].get(NDArrayIndex.all(), NDArrayIndex.point(j)).assign(slope.getColumn(o));
            }
        }
        return grads;
    }

    private static INDArray[] allocate(int k, long n, long d) {
        INDArray[] g = new INDArray[k];
        for (int o = 0; o < k; o++) {
            g[o] = Nd4j.create(DataType.DOUBLE, new long[] {n, d}, 'f');
        }
        return g;
    }

    private static INDArray evaluate(Target target, INDArray x, long n) {
        INDArray y = target.apply(x.dup('c'));
        if (y.rank() == 1 && y.length() == n) {
            y = y.reshape(n, 1);
        }
        if (y.rank() != 2 || y.size(0) != n) {
            throw new IllegalArgumentException("target " + target.label() + " returned shape "
                    + Arrays.toString(y.shape()) + ", expected " + n + " rows (one per example)");
        }
        return y.castTo(DataType.DOUBLE);
    }
}
