package catapult.engine.train;

import catapult.engine.data.Dataset;
import catapult.engine.graph.Network;
import catapult.engine.kernels.Eigs;
import catapult.engine.kernels.HasStructuredNtk;
import catapult.engine.kernels.LinearOperator;
import catapult.engine.kernels.Loss;
import catapult.engine.kernels.Ntk;
import catapult.engine.kernels.PassOperator;
import catapult.engine.kernels.Spectra;
import catapult.engine.models.LinearModel;
import catapult.engine.models.Model;
import catapult.engine.models.QuadraticModel;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The tangent kernel K_t of one model on the training data while it trains: its top eigenpairs
 * (for ntk_eigs and loss_split) and its change from K_0. Exists to make tracking cheap: one
 * eigen-solve per tracked step shared by every metric, and Lanczos warm-started from the previous
 * step's eigenvectors (the kernel drifts slowly, so a good start saves most operator products).
 *
 * <p>K is formed when that is cheap: the model computes it structurally (up to {@link #FORM_LIMIT})
 * or it is tiny ({@link #SMALL_SIDE}). A formed K up to {@link #DENSE_SIDE} is solved densely,
 * a larger one by warm-started Lanczos on K v. Otherwise warm-started Lanczos runs on
 * NTK-vector products J (J' v), one reverse and one forward-mode pass each.
 */
final class KernelTracker {

    /** Largest kernel side formed as a matrix for structured models. */
    static final long FORM_LIMIT = 4096;

    /**
     * Up to this side K is formed and solved densely: exact, cheap at this size, and unlike
     * Lanczos from one start vector it resolves repeated eigenvalues (k outputs of a linear
     * model give each eigenvalue k times).
     */
    static final long DENSE_SIDE = 128;

    /** Up to this side even models without a structured NTK have K formed by Jacobian contraction. */
    static final long SMALL_SIDE = 32;

    private final Model model;
    private final Dataset data;
    private final Loss loss;
    private final int pairs;
    private final long seed;
    private final long side;
    private int cachedStep = -1;
    private INDArray kernel;
    private Eigs eigs;
    private INDArray warmStart;
    private INDArray initialKernel;
    private double initialNorm;
    private int operatorProducts;

    KernelTracker(Model model, Dataset data, Loss loss, int pairs, long seed) {
        this.model = model;
        this.data = data;
        this.loss = loss;
        this.side = (long) data.n() * model.outputCount();
        this.pairs = pairs;
        this.seed = seed;
        if (pairs > side) {
            throw new IllegalArgumentException("asked for " + pairs + " eigenvalues but the kernel on "
                    + data.n() + " examples has only " + side);
        }
    }

    /** Forgets what was computed at earlier parameters; called by the loop at each tracked step. */
    void moveTo(int step) {
        if (step == cachedStep) return;
        cachedStep = step;
        if (kernel != null && kernel != initialKernel) kernel.close();
        kernel = null;
        eigs = null;
    }

    /** The k largest eigenvalues of K_t, descending. */
    double[] topEigenvalues(int k) {
        return Arrays.copyOf(eigs().values(), k);
    }

    /** {L<=s, L>s}: the loss of the residual projected on the top-s eigenvectors of K_t, and of the rest. */
    double[] lossSplit(int s) {
        INDArray f = model.predict(data.x());
        INDArray r = f.sub(data.y()).reshape(side, 1);
        INDArray v = eigs().vectors().get(NDArrayIndex.all(), NDArrayIndex.interval(0, s)).castTo(r.dataType());
        INDArray proj = Nd4j.gemm(v, r, true, false);
        double c = loss.curvature(data.n());
        double top = 0.5 * c * proj.norm2Number().doubleValue() * proj.norm2Number().doubleValue();
        double total = 0.5 * c * r.norm2Number().doubleValue() * r.norm2Number().doubleValue();
        r.close();
        proj.close();
        return new double[] {top, Math.max(0, total - top)};
    }

    /** |K_t - K_0|_2 / |K_0|_2; the first call (at t = 0) records K_0. */
    double kernelChange() {
        INDArray k = kernel();
        if (initialKernel == null) {
            initialKernel = k.dup('f');
            initialNorm = Spectra.topEigenvalues(initialKernel, 1)[0];
        }
        INDArray diff = k.sub(initialKernel);
        LinearOperator op = v -> Nd4j.gemm(diff, v.reshape(side, 1), false, false).reshape(side);
        double norm = Spectra.spectralNorm(op, side, seed, diff.dataType(), 1e-6);
        diff.close();
        return initialNorm > 0 ? norm / initialNorm : Double.NaN;
    }

    /** NTK-vector products spent so far (for measuring the cost of tracking). */
    int operatorProducts() { return operatorProducts; }

    private Eigs eigs() {
        if (eigs != null) return eigs;
        if (formable() && side <= Math.max(DENSE_SIDE, 2L * pairs + 2)) {
            eigs = Spectra.topEigs(kernel(), pairs);
        } else {
            DataType dtype = model.params().dataType();
            if (formable()) {
                eigs = Spectra.lanczosEigs(operator(), side, pairs, seed, warmStart, dtype);
            } else {
                try (PassOperator op = Ntk.operator(model, data.x())) {
                    eigs = Spectra.lanczosEigs(op, side, pairs, seed, warmStart, dtype);
                }
            }
            operatorProducts += eigs.operatorApplications();
        }
        warmStart = eigs.warmStart();
        return eigs;
    }

    /**
     * Whether forming K is cheap: the model computes it structurally (one batched pass), or the
     * kernel is so small that Jacobian contraction (a pass per example) costs little.
     */
    private boolean formable() {
        return hasStructuredNtk(model) ? side <= FORM_LIMIT : side <= SMALL_SIDE;
    }

    /** The models {@link Ntk#of} computes structurally (it dispatches on the same types). */
    private static boolean hasStructuredNtk(Model m) {
        return m instanceof HasStructuredNtk || m instanceof Network || m instanceof LinearModel || m instanceof QuadraticModel;
    }

    private LinearOperator operator() {
        INDArray k = kernel();
        return v -> Nd4j.gemm(k, v.reshape(side, 1), false, false).reshape(side);
    }

    private INDArray kernel() {
        if (kernel == null) kernel = Ntk.of(model, data.x());
        return kernel;
    }
}
