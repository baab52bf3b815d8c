package catapult.engine.bench;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;

/**
 * The PyTorch peer's reference arrays ({@code *.npy} files written by the peer benchmark's
 * {@code peer_torch.py --dump}, see docs/performance.md): FCN2 data and weights, power-iteration start, NQM and AGOP
 * results. Exists so that the benchmark runs on exactly the peer's numbers and tests can check
 * Catapult's results against torch's.
 *
 * <p>Located through the system property {@code catapult.bench.ref}, else by looking for the
 * peer benchmark's {@code bench/ref} folder in a {@code shared} directory beside the working
 * directory or one of its parents (where the team keeps the peer; docs/performance.md).
 */
public final class PeerReference {

    /** Scalar references from {@code peer_torch.result.json} (2 threads, float32 unless noted). */
    public static final double LOSS_AT_INIT = 0.6926165819168091;
    public static final double HESS_LAMBDA_TOP_FLOAT32_20IT = 0.16932405531406403;
    public static final double HESS_LAMBDA_TOP_FLOAT64 = 0.1693240974022536;
    public static final double FCN5_K_TRACE_OVER_N = 0.3222706852788597;
    public static final double FCN5_K_MEAN_OFFDIAG = 0.08968609854091658;
    public static final double FCN5_K_LAMBDA_MAX = 11.761868626551875;
    public static final double AGOP_G_TRACE = 0.5102872848510742;
    public static final double AGOP_G_TOP_EIG = 0.27006525445414675;

    private final Path dir;

    private PeerReference(Path dir) {
        this.dir = dir;
    }

    /** The reference directory, if it can be found. */
    public static Optional<PeerReference> locate() {
        String prop = System.getProperty("catapult.bench.ref");
        if (prop != null) {
            return Optional.of(new PeerReference(Paths.get(prop)));
        }
        for (Path p = Paths.get("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared").resolve("bench").resolve("ref");
            if (Files.isRegularFile(candidate.resolve("fcn2_X.npy"))) {
                return Optional.of(new PeerReference(candidate));
            }
        }
        return Optional.empty();
    }

    /** Where the arrays are. */
    public Path dir() {
        return dir;
    }

    /** One array by name (e.g. "fcn2_U0"), converted to dtype. */
    public INDArray load(String name, DataType dtype) {
        File f = dir.resolve(name + ".npy").toFile();
        if (!f.isFile()) {
            throw new IllegalArgumentException("peer reference: no file " + f);
        }
        INDArray a = Nd4j.createFromNpyFile(f);
        return a.dataType() == dtype ? a : a.castTo(dtype);
    }

    /** FCN2's flat parameter vector [U0 (1024 x 100, row-major), v0 (1024)] in dtype. */
    public INDArray fcn2Params(DataType dtype) {
        return Nd4j.concat(0, load("fcn2_U0", dtype).reshape(-1), load("fcn2_v0", dtype).reshape(-1));
    }

    /** The power-iteration start [hess_q0_U, hess_q0_v] (already unit norm) in dtype. */
    public INDArray hessianStart(DataType dtype) {
        return Nd4j.concat(0, load("hess_q0_U", dtype).reshape(-1), load("hess_q0_v", dtype).reshape(-1));
    }
}
