package catapult.engine.kernels;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpectraTest {

    @BeforeAll
    static void float64() {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE); catapult.numerics.Precision.set(DataType.DOUBLE);
    }

    /** Q diag(values) Q' with a seeded random orthogonal Q (from a QR of a Gaussian matrix). */
    static INDArray withSpectrum(double[] values, long seed) {
        int n = values.length;
        INDArray g = Nd4j.randn(Nd4j.create(DataType.DOUBLE, n, n), seed);
        INDArray q = orthonormalColumns(g);
        return q.mulRowVector(Nd4j.createFromArray(values)).mmul(q.transpose());
    }

    private static INDArray orthonormalColumns(INDArray g) {   // modified Gram-Schmidt, twice
        INDArray q = g.dup();
        for (int pass = 0; pass < 2; pass++) {
            for (int c = 0; c < q.columns(); c++) {
                INDArray col = q.getColumn(c);
                for (int b = 0; b < c; b++) {
                    INDArray prev = q.getColumn(b);
                    col.subi(prev.mul(Nd4j.getBlasWrapper().dot(prev, col)));
                }
                col.divi(col.norm2Number());
            }
        }
        return q;
    }

    @Test
    void denseTopEigenvaluesDescending() {
        INDArray a = withSpectrum(new double[] {-4, 1, 7, 3, 0.5, 2}, 1);
        assertArrayEquals(new double[] {7, 3, 2}, Spectra.topEigenvalues(a, 3), 1e-10);
    }

    @Test
    void eigenvectorsMatchTheirValues() {
        INDArray a = withSpectrum(new double[] {5, -1, 3, 2, 4}, 2);
        double[] values = Spectra.topEigenvalues(a, 2);
        INDArray vecs = Spectra.topEigenvectors(a, 2);
        for (int c = 0; c < 2; c++) {
            INDArray v = vecs.getColumn(c).reshape(5, 1);
            assertTrue(Oracles.maxAbsDiff(a.mmul(v), v.mul(values[c])) < 1e-10);
            assertEquals(1.0, v.norm2Number().doubleValue(), 1e-12);
        }
    }

    @Test
    void lanczosMatchesFullEigendecomposition() {
        INDArray b = Nd4j.randn(Nd4j.create(DataType.DOUBLE, 300, 300), 3);
        INDArray a = b.add(b.transpose());
        double[] want = Oracles.eigenvaluesDescending(a);
        double[] got = Spectra.lanczos(v -> a.mmul(v.reshape(300, 1)).reshape(300), 300, 4, 7);
        assertArrayEquals(java.util.Arrays.copyOf(want, 4), got, 1e-8);
    }

    @Test
    void lanczosFindsRepeatedTopEigenvalues() {
        INDArray a = withSpectrum(new double[] {9, 9, 1, 2, 3, 0, 4, 5}, 4);
        double[] got = Spectra.lanczos(v -> a.mmul(v.reshape(8, 1)).reshape(8), 8, 3, 1);
        assertArrayEquals(new double[] {9, 9, 5}, got, 1e-9);
    }

    @Test
    void warmStartNeedsFewerProducts() {
        INDArray b = Nd4j.randn(Nd4j.create(DataType.DOUBLE, 400, 400), 5);
        INDArray a = b.mmul(b.transpose()).divi(400);
        LinearOperator op = v -> a.mmul(v.reshape(400, 1)).reshape(400);
        Eigs cold = Spectra.lanczosEigs(op, 400, 1, 0, null);
        INDArray drifted = a.add(Nd4j.eye(400).muli(1e-3));
        Eigs warm = Spectra.lanczosEigs(v -> drifted.mmul(v.reshape(400, 1)).reshape(400), 400, 1, 0,
                cold.warmStart());
        assertEquals(cold.top() + 1e-3, warm.top(), 1e-8);
        assertTrue(warm.operatorApplications() < cold.operatorApplications(),
                warm.operatorApplications() + " vs " + cold.operatorApplications());
    }

    @Test
    void powerIterationConvergesToTheDominantEigenvalue() {
        INDArray a = withSpectrum(new double[] {10, 2, 1, 0.5}, 6);
        double lambda = Spectra.powerIteration(v -> a.mmul(v.reshape(4, 1)).reshape(4), Nd4j.ones(4), 60);
        assertEquals(10, lambda, 1e-9);
    }

    @Test
    void spectralNormOfAnIndefiniteOperatorUsesBothEnds() {
        INDArray a = withSpectrum(new double[] {3, -6, 1, 0, -2, 2.5}, 8);
        assertEquals(6, Spectra.spectralNorm(v -> a.mmul(v.reshape(6, 1)).reshape(6), 6, 0, DataType.DOUBLE, 1e-12), 1e-9);
    }

    @Test
    void rejectsNonSquareAndBadK() {
        assertThrows(IllegalArgumentException.class, () -> Spectra.topEigenvalues(Nd4j.ones(2, 3), 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Spectra.topEigenvalues(Nd4j.eye(3), 4));
        assertTrue(e.getMessage().contains("asked for 4 eigenvalues of a 3 x 3 matrix"), e.getMessage());
    }
}
