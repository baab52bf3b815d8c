package catapult.engine.graph;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;

/** Brings user inputs and cotangents to the n x size matrices the engine works on. */
public final class Inputs {
    private Inputs() {}

    /**
     * x as n x size: accepts n x size, n x h x w x c (any shape whose trailing sizes multiply
     * to size) or one example as a vector of length size.
     */
    public static INDArray flatten(INDArray x, int size) {
        if (x == null) throw new IllegalArgumentException("the network needs inputs, got none");
        if (x.rank() == 1 && x.length() == size) return x.reshape('c', 1, size);
        if (x.rank() == 2 && x.columns() == size) return x;
        if (x.rank() >= 2 && x.length() == x.size(0) * (long) size) return x.reshape('c', x.size(0), size);
        throw new IllegalArgumentException("the network expects " + size
                + " features per example, got a tensor of shape " + Arrays.toString(x.shape()));
    }

    /** A cotangent as n x k (a length-n vector is accepted when k = 1). */
    public static INDArray cotangent(INDArray c, int n, int k) {
        if (c == null) throw new IllegalArgumentException("a cotangent is needed, got none");
        if (c.rank() == 2 && c.rows() == n && c.columns() == k) return c;
        if (c.length() == (long) n * k) return c.reshape('c', n, k);
        throw new IllegalArgumentException("the cotangent must have shape [" + n + ", " + k + "], got "
                + Arrays.toString(c.shape()));
    }
}
