package catapult.engine.bench;

import catapult.engine.autodiff.Activation;
import catapult.engine.graph.GraphBuilder;
import catapult.engine.graph.Network;
import catapult.engine.graph.Node;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The peer benchmark's networks built with the engine's public GraphBuilder (NTK
 * parameterization, no biases, relu): FCN2 (100 -> 1024 -> 1) and FCN5
 * (3072 -> 4 x 1024 -> 1). Exists so the benchmark measures Catapult's generic DAG engine on
 * exactly the peer's architectures.
 */
final class BenchNets {

    static final int FCN2_D = 100;
    static final int FCN2_M = 1024;
    static final int FCN5_D = 3072;
    static final int FCN5_M = 1024;
    static final int FCN5_HIDDEN = 4;

    private BenchNets() {
    }

    /** FCN2 with the given flat parameters [U (m x d), v (m)], or its seeded init when null. */
    static Network fcn2(INDArray params, long seed) {
        GraphBuilder g = new GraphBuilder();
        Node h = g.activation(g.dense(g.input(FCN2_D), FCN2_M), Activation.RELU);
        g.output(g.dense(h, 1));
        Network net = g.build(seed, 1.0, "ntk");
        if (params != null) {
            net.params().assign(params.castTo(net.params().dataType()));
        }
        return net;
    }

    /** FCN5 at its seeded init. */
    static Network fcn5(long seed) {
        GraphBuilder g = new GraphBuilder();
        Node h = g.input(FCN5_D);
        for (int l = 0; l < FCN5_HIDDEN; l++) {
            h = g.activation(g.dense(h, FCN5_M), Activation.RELU);
        }
        g.output(g.dense(h, 1));
        return g.build(seed, 1.0, "ntk");
    }

    /**
     * Floating-point operations of the structured NTK of FCN5 on n inputs: one forward pass,
     * the reverse pass to the pre-activations (through W2..W4), and the Gram matrices of every
     * layer input (n^2 d_in) and every hidden pre-activation cotangent (n^2 d_out).
     */
    static double fcn5NtkFlops(long n) {
        long[] sizes = new long[FCN5_HIDDEN + 2];
        sizes[0] = FCN5_D;
        for (int l = 1; l <= FCN5_HIDDEN; l++) {
            sizes[l] = FCN5_M;
        }
        sizes[FCN5_HIDDEN + 1] = 1;
        double forward = 0;
        double reverse = 0;
        double grams = 0;
        for (int l = 0; l + 1 < sizes.length; l++) {
            forward += 2.0 * n * sizes[l] * sizes[l + 1];
            grams += 2.0 * n * n * sizes[l];                        // A_l A_l'
            if (l >= 1 && l + 1 < sizes.length - 1) {
                reverse += 2.0 * n * sizes[l] * sizes[l + 1];       // delta through W_{l+1}
            }
            if (l + 1 < sizes.length - 1) {
                grams += 2.0 * n * n * sizes[l + 1];                // Delta_l Delta_l'
            }
        }
        return forward + reverse + grams;
    }

    static DataType dtype() {
        return DataType.FLOAT;
    }
}
