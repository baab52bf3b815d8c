package catapult.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class RegressTest {

    private static final double[] ROW = {1, 2, 3, 4, 0.5, 1, 1, 1, 1, 2, 7};

    private static INDArray x() {
        return Nd4j.createFromArray(new double[][] {ROW, new double[ROW.length]});
    }

    @Test
    void namedTargetsHaveTheirThesisFormulas() {
        double s10 = 1 + 2 + 3 + 4 + 0.5 + 1 + 1 + 1 + 1 + 2;
        assertEquals(2, value(NamedTarget.RANK2), 1e-12);
        assertEquals(2 * s10, value(NamedTarget.RANK3), 1e-12);
        assertEquals(1 + 2 + 6 + 24, value(NamedTarget.RANK4), 1e-12);
        double norm = Math.sqrt(java.util.Arrays.stream(ROW).map(v -> v * v).sum());
        assertEquals(norm / Math.sqrt(ROW.length), value(NamedTarget.FULLRANK), 1e-12);
        for (NamedTarget t : NamedTarget.values()) {
            assertEquals(0, t.apply(x()).getDouble(1, 0), 0, t.label());
            double atZero = t == NamedTarget.RANK4 ? 1 : 0;
            assertEquals(atZero, t.inputGradient(x()).getDouble(1, 0), 0, "d/dx1 at 0, " + t.label());
            assertEquals(atZero, t.inputGradient(x()).getRow(1).sumNumber().doubleValue(), 0, "gradient at 0, " + t.label());
        }
        assertEquals(NamedTarget.RANK3, NamedTarget.parse("rank3"));
    }

    private static double value(NamedTarget t) {
        return t.apply(x()).getDouble(0, 0);
    }

    @Test
    void regressAddsSeededNoiseToTheTarget() {
        Dataset inputs = Synthetic.gaussian(3000, 4, 1);
        Dataset clean = Regress.regress(inputs, NamedTarget.RANK2, 0, 0);
        Dataset noisy = Regress.regress(inputs, NamedTarget.RANK2, 0.1, 5);
        INDArray noise = noisy.y().sub(clean.y());
        assertEquals(0.1, noise.stdNumber().doubleValue(), 0.005);
        assertEquals(0, noise.meanNumber().doubleValue(), 0.01);
        assertEquals(noisy.y(), Regress.regress(inputs, NamedTarget.RANK2, 0.1, 5).y());
        INDArray expected = inputs.x().getColumn(0).mul(inputs.x().getColumn(1));
        assertArrayEquals(expected.toDoubleVector(), clean.y().toDoubleVector(), 1e-6);
        assertEquals("dataset(n=3000, d=4, k=1, gaussian, target rank2)", clean.describe());
    }

    @Test
    void javaFunctionTargetsAndTheirShapeCheck() {
        Target sumSq = Target.of("sumsq", x -> x.mul(x).sum(1));
        Dataset d = Regress.regress(Nd4j.createFromArray(new double[][] {{1, 2}, {3, 4}}), sumSq, 0, 0);
        assertArrayEquals(new double[] {5, 25}, d.y().toDoubleVector(), 1e-12);
        Target bad = Target.of("bad", x -> Nd4j.zeros(3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Regress.regress(Nd4j.zeros(2, 2), bad, 0, 0));
        assertTrue(e.getMessage().contains("target bad returned shape [3], expected 2 rows"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> NamedTarget.RANK3.apply(Nd4j.zeros(2, 5)));
        assertTrue(e.getMessage().contains("d >= 10"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> NamedTarget.parse("rank5"));
        assertTrue(e.getMessage().contains("unknown target \"rank5\""), e.getMessage());
    }
}
