package catapult.engine.kernels;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Locale;

/**
 * The squared losses of the thesis, each a scaled sum of squares L = (c/2) sum |f_i - y_i|^2
 * with a constant curvature c = d^2 L / df^2. Exists so that critical learning rates, loss
 * Hessians and training agree on one definition of each convention.
 *
 * <p>Chapter 4 uses {@link #MSE} (Eq. 4.1), Chapter 3 uses {@link #HALF_SSE} (Eq. 3.5); the
 * PyTorch peer benchmark uses {@link #HALF_MSE}. Outputs f and targets y are n x k.
 */
public enum Loss {
    /** L = 1/n sum_i |f_i - y_i|^2; c = 2/n. */
    MSE,
    /** L = 1/2 sum_i |f_i - y_i|^2; c = 1. */
    HALF_SSE,
    /** L = 1/(2n) sum_i |f_i - y_i|^2; c = 1/n. */
    HALF_MSE;

    /** The loss value at outputs f and targets y (both n x k). */
    public double value(INDArray f, INDArray y) {
        checkShapes(f, y);
        INDArray r = f.sub(y.dataType() == f.dataType() ? y : y.castTo(f.dataType()));
        double sse = r.mul(r).sumNumber().doubleValue();
        r.close();
        return 0.5 * curvature(f.size(0)) * sse;
    }

    /** dL/df, n x k: c (f - y). */
    public INDArray gradient(INDArray f, INDArray y) {
        checkShapes(f, y);
        return f.sub(y).muli(curvature(f.size(0)));
    }

    /**
     * Writes dL/df = c (f - y) into {@code out} (n x k) and returns sum |f - y|^2, so the loss
     * value (c/2 times it) comes from the same pass: one fused loop for a training step's batch.
     */
    public double residual(INDArray f, INDArray y, INDArray out) {
        checkShapes(f, y);
        INDArray yy = y.dataType() == f.dataType() ? y : y.castTo(f.dataType());
        return catapult.engine.autodiff.Fused.residual(f, yy, curvature(f.size(0)), out);
    }

    /**
     * d^2 L / df^2 as the scalar multiple of the identity it is: 2/n, 1 or 1/n for n examples.
     * The Gauss-Newton part of the loss Hessian is therefore c J'J, with nonzero spectrum c
     * times that of the NTK K = J J'.
     */
    public double curvature(long n) {
        switch (this) {
            case MSE: return 2.0 / n;
            case HALF_SSE: return 1.0;
            default: return 1.0 / n;
        }
    }

    /** The DSL name: "mse", "half_sse" or "half_mse". */
    public String dslName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a DSL loss name ("mse", "half_sse", "half_mse"), case-insensitively. */
    public static Loss fromName(String name) {
        for (Loss l : values()) {
            if (l.dslName().equalsIgnoreCase(name)) {
                return l;
            }
        }
        throw new IllegalArgumentException("unknown loss '" + name
                + "': expected \"mse\", \"half_sse\" or \"half_mse\"");
    }

    private static void checkShapes(INDArray f, INDArray y) {
        if (!java.util.Arrays.equals(f.shape(), y.shape())) {
            throw new IllegalArgumentException("the outputs have shape "
                    + java.util.Arrays.toString(f.shape()) + " but targets have shape "
                    + java.util.Arrays.toString(y.shape()));
        }
    }
}
