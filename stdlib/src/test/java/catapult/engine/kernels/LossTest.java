package catapult.engine.kernels;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LossTest {

    @BeforeAll
    static void float64() {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE); catapult.numerics.Precision.set(DataType.DOUBLE);
    }

    private final INDArray f = Nd4j.create(new double[][] {{1, 2}, {0, -1}, {3, 0.5}});
    private final INDArray y = Nd4j.create(new double[][] {{0, 2}, {1, 1}, {1, 0}});
    // squared residuals: 1 + 0 + 1 + 4 + 4 + 0.25 = 10.25

    @Test
    void valuesFollowTheirDefinitions() {
        assertEquals(10.25 / 3, Loss.MSE.value(f, y), 1e-12);
        assertEquals(10.25 / 2, Loss.HALF_SSE.value(f, y), 1e-12);
        assertEquals(10.25 / 6, Loss.HALF_MSE.value(f, y), 1e-12);
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        for (Loss loss : Loss.values()) {
            INDArray g = loss.gradient(f, y);
            double h = 1e-6;
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 2; j++) {
                    INDArray plus = f.dup();
                    plus.putScalar(i, j, f.getDouble(i, j) + h);
                    INDArray minus = f.dup();
                    minus.putScalar(i, j, f.getDouble(i, j) - h);
                    double fd = (loss.value(plus, y) - loss.value(minus, y)) / (2 * h);
                    assertEquals(fd, g.getDouble(i, j), 1e-8, loss + " at " + i + "," + j);
                }
            }
        }
    }

    @Test
    void curvatureIsTheSecondDerivative() {
        for (Loss loss : Loss.values()) {
            INDArray plus = f.dup();
            plus.putScalar(0, 0, f.getDouble(0, 0) + 1);
            double second = loss.gradient(plus, y).getDouble(0, 0) - loss.gradient(f, y).getDouble(0, 0);
            assertEquals(second, loss.curvature(3), 1e-12, loss.name());
        }
    }

    @Test
    void parsesDslNamesAndRejectsOthers() {
        assertEquals(Loss.HALF_SSE, Loss.fromName("half_sse"));
        assertEquals(Loss.MSE, Loss.fromName("MSE"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Loss.fromName("l1"));
        assertTrue(e.getMessage().contains("'l1'"));
        assertThrows(IllegalArgumentException.class, () -> Loss.MSE.value(f, y.getColumn(0)));
    }
}
