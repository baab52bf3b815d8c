package catapult.engine.bench;

import catapult.engine.SeededDraws;
import catapult.engine.autodiff.Blas;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Measures this machine's float32 matrix-multiply rate through the engine's own product
 * ({@link Blas#gemm}: oneDNN where available, else OpenBLAS; GFLOP/s, median of timed 1024^3
 * products into a preallocated f-order output). Exists because the NTK target is stated as a
 * fraction of the sgemm rate actually available in the same run, not of a datasheet peak.
 */
final class SgemmProbe {

    private SgemmProbe() {
    }

    /** GFLOP/s of C = A B with A, B, C 1024 x 1024 float32. */
    static double gflops() {
        int n = 1024;
        INDArray a = SeededDraws.normal(1, DataType.FLOAT, n, n).dup('f');
        INDArray b = SeededDraws.normal(2, DataType.FLOAT, n, n).dup('f');
        INDArray c = Nd4j.create(DataType.FLOAT, new long[] {n, n}, 'f');
        Timing t = Timing.measure(() -> Blas.gemm(a, b, c, false, false, 1.0, 0.0), 3, 15);
        return 2.0 * n * n * n / t.medianS() / 1e9;
    }
}
