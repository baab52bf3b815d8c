package catapult.engine.models;

import catapult.engine.testing.Derivatives;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** g(w; x) = w'phi(x) + gamma/2 w'Sigma w: closed form and derivatives for every Sigma kind. */
class GeneralQuadraticModelTest {
    private static final Function<INDArray, INDArray> PHI = x -> x.divColumnVector(x.norm2(1).reshape(x.rows(), 1));

    @BeforeAll
    static void float64() { Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE); catapult.numerics.Precision.set(DataType.DOUBLE); }

    @Test
    void valueIsTheClosedFormWithSigns() {
        GeneralQuadraticModel m = new GeneralQuadraticModel(6, PHI, "signs", 0.1, 3, new long[]{6});
        INDArray x = Derivatives.randn(1, 4, 6);
        INDArray w = m.params();
        INDArray s = m.hvp(x, Nd4j.ones(DataType.DOUBLE, 4, 1).divi(4 * 0.1), Nd4j.ones(DataType.DOUBLE, 6));
        for (int i = 0; i < 6; i++) assertEquals(1.0, Math.abs(s.getDouble(i)), 1e-12, "diagonal of +-1");
        INDArray want = PHI.apply(x).mmul(w.reshape(6, 1)).addi(0.05 * w.mul(w).muli(s).sumNumber().doubleValue());
        assertEquals(0.0, want.sub(m.predict(x)).amaxNumber().doubleValue(), 1e-12);
        assertEquals(m.params(), new GeneralQuadraticModel(6, PHI, "signs", 0.1, 3, new long[]{6}).params());
    }

    @Test
    void derivativesForEverySigmaKind() {
        INDArray mat = Derivatives.randn(2, 5, 5);
        Function<INDArray, INDArray> perExample = x -> {
            INDArray t = Nd4j.zeros(DataType.DOUBLE, x.rows(), 5, 5);
            for (int i = 0; i < x.rows(); i++) t.putSlice(i, mat.mul(x.getDouble(i, 0)));
            return t;
        };
        for (Object sigma : List.of("signs", "identity", mat, perExample)) {
            GeneralQuadraticModel m = new GeneralQuadraticModel(5, PHI, sigma, 0.3, 1, new long[]{5});
            INDArray x = Derivatives.randn(3, 3, 5);
            INDArray c = Derivatives.randn(4, 3, 1);
            INDArray v = Derivatives.randn(5, 5);
            Derivatives.checkParamGradient(m, x, c, 1e-7);
            Derivatives.checkJvp(m, x, v, 1e-7);
            Derivatives.checkHvp(m, x, c, v, 1e-7);
        }
    }

    @Test
    void rejectsBadShapes() {
        GeneralQuadraticModel m = new GeneralQuadraticModel(5, x -> x, "identity", 0.1, 0, new long[]{4});
        assertThrows(IllegalArgumentException.class, () -> m.predict(Nd4j.rand(DataType.DOUBLE, 2, 4)));
        assertThrows(IllegalArgumentException.class,
                () -> new GeneralQuadraticModel(5, PHI, Nd4j.eye(4), 0.1, 0, new long[]{5}));
    }
}
