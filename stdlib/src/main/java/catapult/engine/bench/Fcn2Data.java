package catapult.engine.bench;

import catapult.engine.SeededDraws;
import catapult.engine.graph.Network;
import catapult.engine.kernels.Loss;
import catapult.engine.models.Model;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Optional;

/**
 * FCN2's data and starting points for the benchmark: the peer's exact arrays when they can be
 * found ({@link PeerReference}), so values can be compared with torch's, otherwise seeded draws
 * of the same shapes and distributions, so the benchmark runs anywhere.
 */
final class Fcn2Data {

    private static final int N = 128;
    private final PeerReference ref;   // null: seeded stand-ins
    private final INDArray x;
    private final INDArray y;
    private final INDArray params;

    private Fcn2Data(PeerReference ref) {
        this.ref = ref;
        DataType f = DataType.FLOAT;
        if (ref != null) {
            x = ref.load("fcn2_X", f);
            y = ref.load("fcn2_y", f).reshape(N, 1);
            params = ref.fcn2Params(f);
        } else {
            x = SeededDraws.normal(0, f, N, BenchNets.FCN2_D);
            y = SeededDraws.normal(1, f, N, 1);
            params = null;
        }
    }

    static Fcn2Data load() {
        return new Fcn2Data(PeerReference.locate().orElse(null));
    }

    String source() {
        return ref != null ? "peer arrays from " + ref.dir() : "seeded stand-ins (peer arrays not found)";
    }

    INDArray x() { return x; }

    INDArray y() { return y; }

    /** A fresh FCN2 at w0 (each figure starts from the initial weights, as in the peer). */
    Network network() {
        return BenchNets.fcn2(params, 0);
    }

    /** 25 batches of 5 row indices (the peer's permutation when available). */
    long[][] batches() {
        if (ref != null) {
            INDArray b = ref.load("sgd_batches", DataType.LONG);
            long[][] rows = new long[(int) b.rows()][];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = b.getRow(i).toLongVector();
            }
            return rows;
        }
        INDArray perm = SeededDraws.uniform(1, DataType.DOUBLE, N);
        long[] order = Nd4j.sortWithIndices(perm.dup(), 0, true)[0].castTo(DataType.LONG).toLongVector();
        long[][] rows = new long[N / 5][5];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(order, 5 * i, rows[i], 0, 5);
        }
        return rows;
    }

    /** D = w_5 - w0: the peer's array, else 5 GD steps of the real net at lr 8 (the peer's recipe). */
    INDArray nqmStartDelta() {
        if (ref != null) {
            return Nd4j.concat(0, ref.load("nqm_dU", DataType.FLOAT).reshape(-1),
                    ref.load("nqm_dv", DataType.FLOAT).reshape(-1));
        }
        Model net = network();
        for (int s = 0; s < 5; s++) {
            try (Model.Pass pass = net.forward(x)) {
                net.params().subi(pass.vjp(Loss.HALF_MSE.gradient(pass.output(), y)).muli(8.0));
            }
        }
        return net.params().sub(net.initialParams());
    }

    /** The peer's D after one NQM step at lr 0.1, for the agreement check. */
    Optional<INDArray> nqmAfterOneStep() {
        return ref == null ? Optional.empty() : Optional.of(Nd4j.concat(0,
                ref.load("nqm1_dU", DataType.FLOAT).reshape(-1), ref.load("nqm1_dv", DataType.FLOAT).reshape(-1)));
    }

    /** The power-iteration start q0 (the peer's, else a seeded unit vector). */
    INDArray powerStart() {
        if (ref != null) {
            return ref.hessianStart(DataType.FLOAT);
        }
        INDArray q = SeededDraws.normal(2, DataType.FLOAT, network().paramCount());
        return q.divi(q.norm2Number());
    }

    /** AGOP inputs: 2000 x 100 (the peer's, else seeded N(0, 1)). */
    INDArray agopInputs() {
        return ref != null ? ref.load("agop_X", DataType.FLOAT)
                : SeededDraws.normal(3, DataType.FLOAT, 2000, BenchNets.FCN2_D);
    }
}
