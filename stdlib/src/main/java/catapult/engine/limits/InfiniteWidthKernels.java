package catapult.engine.limits;

import catapult.engine.graph.ArchGraph;
import catapult.engine.graph.Inputs;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The infinite-width NNGP and NTK kernels of an architecture under the NTK parameterization
 * (thesis Def. 2.2.2): the deterministic kernels that a network's output covariance at
 * initialization and its empirical tangent kernel approach as every hidden group's width grows
 * (Jacot et al. 2018; Lee et al. 2019; thesis Chapter 2). Computed by the layer-wise recursion
 * over the recorded DAG, with closed forms for relu, erf and identity and Gauss-Hermite
 * quadrature for the other activations. For k outputs both are nk x nk, example-major (row
 * i*k + a is output a of example i), like the empirical {@code ntk}; for distinct output neurons
 * of one dense group they are 0, so a dense output of k units gives K (x) I_k.
 */
public final class InfiniteWidthKernels {

    /** Which kernel. */
    public enum Kind { NTK, NNGP }

    private InfiniteWidthKernels() {}

    /**
     * @param x   inputs, n x (the architecture's input features), or any shape whose rows flatten to it
     * @param std the weight and bias standard deviation of init
     * @return the kernel in double precision
     */
    public static INDArray of(ArchGraph graph, INDArray x, double std, Kind kind) {
        LimitRecursion.Result r = compute(graph, x, std);
        double[] k = kind == Kind.NTK ? r.ntk() : r.nngp();
        int side = r.n() * r.k();
        return Nd4j.create(k, new long[] {side, side}, DataType.DOUBLE);
    }

    private static LimitRecursion.Result compute(ArchGraph graph, INDArray x, double std) {
        if (graph.outputs().length == 0) throw new IllegalArgumentException("the architecture has no output(...)");
        int d = graph.inputSize();
        if (d == 0) throw new IllegalArgumentException("the architecture has no input(...)");
        INDArray flat = Inputs.flatten(x, d).castTo(DataType.DOUBLE);
        double[][] rows = new double[(int) flat.rows()][];
        for (int i = 0; i < rows.length; i++) rows[i] = flat.getRow(i).toDoubleVector();
        return new LimitRecursion(graph, rows, std).run();
    }
}
