package catapult.engine.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import catapult.engine.SeededDraws;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** The direct OpenBLAS route must give Nd4j.gemm's result for every layout the engine passes. */
class BlasTest {

    private static int seed = 10;

    /** An r x c operand in the requested storage: 'c', 'f', or 'v' (a view at an offset). */
    private static INDArray operand(DataType t, long r, long c, char kind) {
        INDArray base = SeededDraws.normal(seed++, t, r * c + 7);
        if (kind == 'v') return base.get(NDArrayIndex.interval(7, 7 + r * c)).reshape('c', r, c);
        INDArray m = base.get(NDArrayIndex.interval(0, r * c)).reshape('c', r, c).dup(kind);
        return m;
    }

    private static void check(DataType t, int m, int n, int k, boolean ta, boolean tb, char ka, char kb,
                              char kc, double beta) {
        INDArray a = ta ? operand(t, k, m, ka) : operand(t, m, k, ka);
        INDArray b = tb ? operand(t, n, k, kb) : operand(t, k, n, kb);
        INDArray c0 = operand(t, m, n, kc == 'v' ? 'c' : kc);
        INDArray want = Nd4j.gemm(a, b, c0.dup(), ta, tb, 0.7, beta);
        INDArray c = kc == 'v' ? operand(t, m, n, 'v').assign(c0) : c0.dup(kc);
        INDArray got = Blas.gemm(a, b, c, ta, tb, 0.7, beta);
        assertTrue(got == c, "result is written into c");
        double err = got.sub(want).amaxNumber().doubleValue();
        double tol = t == DataType.DOUBLE ? 1e-12 : 1e-4;
        assertTrue(err <= tol * Math.max(1, want.amaxNumber().doubleValue()),
                "m=" + m + " n=" + n + " k=" + k + " ta=" + ta + " tb=" + tb + " " + ka + kb + kc + " err " + err);
    }

    /** Both float32 paths (oneDNN where it loads, and OpenBLAS) against Nd4j.gemm. */
    @Test
    void matchesNd4jGemmForAllLayoutsTransposesAndVectorShapes() {
        boolean was = OneDnnGemm.use(false);
        try {
            allLayouts();
            OneDnnGemm.use(true);
            allLayouts();
        } finally {
            OneDnnGemm.use(was);
        }
    }

    private static void allLayouts() {
        int[][] sizes = {{5, 7, 3}, {6, 1, 4}, {1, 5, 4}, {6, 5, 1}, {1, 1, 3}, {4, 4, 1}};
        for (DataType t : new DataType[] {DataType.DOUBLE, DataType.FLOAT}) {
            for (int[] s : sizes) {
                for (boolean ta : new boolean[] {false, true}) {
                    for (boolean tb : new boolean[] {false, true}) {
                        for (char ka : "cfv".toCharArray()) {
                            for (char kb : "cfv".toCharArray()) {
                                for (char kc : "cfv".toCharArray()) {
                                    check(t, s[0], s[1], s[2], ta, tb, ka, kb, kc, 0.0);
                                    check(t, s[0], s[1], s[2], ta, tb, ka, kb, kc, 1.0);
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void axpyUpdatesInPlace() {
        for (DataType t : new DataType[] {DataType.DOUBLE, DataType.FLOAT}) {
            INDArray p = SeededDraws.normal(1, t, 50);
            INDArray g = SeededDraws.normal(2, t, 50);
            INDArray want = p.add(g.mul(-0.1));
            Blas.axpy(-0.1, g, p);
            assertEquals(0.0, p.sub(want).amaxNumber().doubleValue(), 1e-6);
        }
    }

    @Test
    void dotMatchesMulSumForContiguousAndStridedVectors() {
        for (DataType t : new DataType[] {DataType.DOUBLE, DataType.FLOAT}) {
            INDArray x = SeededDraws.normal(3, t, 40);
            INDArray y = SeededDraws.normal(4, t, 40);
            double want = x.mul(y).sumNumber().doubleValue();
            assertEquals(want, Blas.dot(x, y), 1e-5);
            INDArray xs = x.get(NDArrayIndex.interval(0, 2, 40));
            INDArray ys = y.get(NDArrayIndex.interval(1, 2, 40));
            assertEquals(xs.mul(ys).sumNumber().doubleValue(), Blas.dot(xs, ys), 1e-5);
        }
    }
}
