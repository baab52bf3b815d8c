package catapult.engine.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class SyntheticTest {

    private static Mixture thesisMixture(int n, long seed) {
        return new Mixture(n, 1, new double[][] {{-2}, {2}}, 1, null, false, seed);
    }

    @Test
    void mixtureLabelsFollowTheirComponentMeans() {
        Dataset d = thesisMixture(2000, 0).generate();
        assertEquals(2000, d.n());
        assertEquals(1, d.k());
        INDArray y = d.y();
        INDArray x = d.x();
        INDArray pos = y.gt(0).castTo(x.dataType());
        double nPos = pos.sumNumber().doubleValue();
        assertEquals(1000, nPos, 100);
        double meanPos = x.mul(pos).sumNumber().doubleValue() / nPos;
        double meanNeg = x.mul(pos.rsub(1)).sumNumber().doubleValue() / (2000 - nPos);
        assertEquals(2, meanPos, 0.15);
        assertEquals(-2, meanNeg, 0.15);
        assertEquals(2000, y.mul(y).sumNumber().doubleValue(), 0, "labels are +-1");
    }

    @Test
    void mixtureIsSeeded() {
        assertEquals(thesisMixture(50, 7).generate().x(), thesisMixture(50, 7).generate().x());
        assertNotEquals(thesisMixture(50, 7).generate().x(), thesisMixture(50, 8).generate().x());
    }

    @Test
    void threeComponentsAreOneHotAndCustomLabelsAndVectorMeansWork() {
        Dataset three = new Mixture(300, 2, new double[][] {{0}, {5}, {-5}}, 0.1, null, false, 1).generate();
        assertEquals(3, three.k());
        assertEquals(300, three.y().sumNumber().doubleValue(), 0);
        Dataset custom = new Mixture(100, 2, new double[][] {{1, -1}, {-1, 1}}, 0, new double[] {0.5, 3}, false, 2).generate();
        for (int i = 0; i < 100; i++) {
            double label = custom.y().getDouble(i, 0);
            double x0 = custom.x().getDouble(i, 0);
            assertEquals(label == 0.5 ? 1 : -1, x0, 0);
            assertEquals(-x0, custom.x().getDouble(i, 1), 0);
        }
        Dataset forced = new Mixture(10, 1, new double[][] {{-2}, {2}}, 1, null, true, 0).generate();
        assertEquals(2, forced.k());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Mixture(10, 3, new double[][] {{1, 2}}, 1, null, false, 0));
        assertTrue(e.getMessage().contains("length d=3"), e.getMessage());
    }

    @Test
    void gaussianAndSphere() {
        Dataset g = Synthetic.gaussian(4000, 5, 3);
        assertEquals(0, g.x().meanNumber().doubleValue(), 0.03);
        assertEquals(1, g.x().stdNumber().doubleValue(), 0.03);
        assertEquals(0, g.y().sumNumber().doubleValue(), 0);
        Dataset s = Synthetic.sphere(100, 7, 3);
        INDArray norms = s.x().norm2(1);
        assertEquals(1, norms.minNumber().doubleValue(), 1e-5);
        assertEquals(1, norms.maxNumber().doubleValue(), 1e-5);
        assertEquals(Synthetic.gaussian(5, 2, 9).x(), Synthetic.gaussian(5, 2, 9).x());
    }
}
