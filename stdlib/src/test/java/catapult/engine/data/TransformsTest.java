package catapult.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class TransformsTest {

    /** y_i = i identifies each row after shuffling transforms. */
    private static Dataset indexed(int n, int d) {
        INDArray x = Synthetic.gaussian(n, d, 11).x();
        double[] ids = java.util.stream.IntStream.range(0, n).asDoubleStream().toArray();
        return Dataset.of(x, Nd4j.createFromArray(ids).castTo(x.dataType()), "indexed");
    }

    @Test
    void splitGivesDisjointPartsOfTheRequestedSizes() {
        Dataset d = indexed(100, 3);
        List<Dataset> parts = Transforms.split(d, new int[] {20, 30, 50}, 0);
        Set<Double> seen = new HashSet<>();
        int[] sizes = {20, 30, 50};
        for (int p = 0; p < 3; p++) {
            assertEquals(sizes[p], parts.get(p).n());
            double[] ids = parts.get(p).y().toDoubleVector();
            for (int i = 0; i < ids.length; i++) {
                assertTrue(seen.add(ids[i]), "row " + ids[i] + " appears twice");
                assertArrayEquals(d.x().getRow((int) Math.round(ids[i])).toDoubleVector(), parts.get(p).x().getRow(i).toDoubleVector(), 0);
            }
        }
        assertEquals(100, seen.size());
        assertEquals(parts.get(0).y(), Transforms.split(d, new int[] {20, 30, 50}, 0).get(0).y());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Transforms.split(d, new int[] {60, 50}, 0));
        assertTrue(e.getMessage().contains("add up to 110"), e.getMessage());
    }

    @Test
    void subsetIsASeededSampleWithoutReplacement() {
        Dataset d = indexed(50, 2);
        Dataset s = Transforms.subset(d, 10, 4);
        assertEquals(10, new HashSet<>(java.util.Arrays.stream(s.y().toDoubleVector()).boxed().toList()).size());
        assertEquals(s.y(), Transforms.subset(d, 10, 4).y());
        assertThrows(IllegalArgumentException.class, () -> Transforms.subset(d, 51, 0));
    }

    @Test
    void standardizeUsesOwnOrReferenceStatistics() {
        Dataset d = Dataset.of(Nd4j.createFromArray(new double[][] {{1, 5, 2}, {3, 5, 4}, {5, 5, 9}}), Nd4j.zeros(3, 1), "");
        Dataset s = Transforms.standardize(d);
        assertArrayEquals(new double[] {0, 0, 0}, s.x().mean(0).toDoubleVector(), 1e-12);
        assertArrayEquals(new double[] {1, 0, 1}, s.x().std(false, 0).toDoubleVector(), 1e-12);
        double std0 = Math.sqrt(8.0 / 3);
        assertEquals(-2 / std0, s.x().getDouble(0, 0), 1e-12);
        Dataset other = Dataset.of(Nd4j.createFromArray(new double[][] {{3, 6, 5}}), Nd4j.zeros(1, 1), "");
        Dataset t = Transforms.standardize(other, d);
        assertArrayEquals(new double[] {0, 1, 0}, t.x().toDoubleVector(), 1e-12);
    }

    @Test
    void normalizeGivesUnitRowsAndKeepsImageShape() {
        INDArray x = Nd4j.createFromArray(new double[] {3, 4, 0, 0, 1, 1, 1, 1}).reshape('c', 2, 2, 2, 1);
        Dataset d = Transforms.normalize(Dataset.of(x, Nd4j.zeros(2, 1), ""));
        assertArrayEquals(new long[] {2, 2, 2, 1}, d.x().shape());
        assertArrayEquals(new double[] {0.6, 0.8, 0, 0, 0.5, 0.5, 0.5, 0.5}, d.x().reshape(8).toDoubleVector(), 1e-7);
        Dataset zero = Transforms.normalize(Dataset.of(Nd4j.zeros(1, 3), Nd4j.zeros(1, 1), ""));
        assertEquals(0, zero.x().sumNumber().doubleValue(), 0);
    }

    @Test
    void labelNoiseFlipsAboutAFractionPOfLabels() {
        Dataset d = thesisLike();
        Dataset noisy = Transforms.labelNoise(d, 0.2, 3);
        double flipped = noisy.y().neq(d.y()).castTo(d.y().dataType()).sumNumber().doubleValue();
        assertEquals(400, flipped, 60);
        assertEquals(2000, noisy.y().mul(noisy.y()).sumNumber().doubleValue(), 0, "labels stay +-1");
        assertEquals(d.x(), noisy.x());
        assertEquals(0, Transforms.labelNoise(d, 0, 3).y().neq(d.y()).castTo(d.y().dataType()).sumNumber().doubleValue(), 0);
    }

    private static Dataset thesisLike() {
        return new Mixture(2000, 1, new double[][] {{-2}, {2}}, 1, null, false, 0).generate();
    }

    @Test
    void labelNoiseOnOneHotMovesToAnotherClass() {
        Dataset d = new Mixture(1000, 2, new double[][] {{0}, {1}, {2}}, 1, null, false, 0).generate();
        Dataset noisy = Transforms.labelNoise(d, 0.3, 1);
        assertArrayEquals(Nd4j.ones(1000).toDoubleVector(), noisy.y().sum(1).toDoubleVector(), 0);
        double changedRows = noisy.y().neq(d.y()).castTo(d.y().dataType()).sum(1).gt(0).castTo(d.y().dataType())
                .sumNumber().doubleValue();
        assertEquals(300, changedRows, 45);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Transforms.labelNoise(Regress.regress(Synthetic.gaussian(10, 2, 0), NamedTarget.RANK2, 0, 0), 0.1, 0));
        assertTrue(e.getMessage().contains("needs class labels"), e.getMessage());
    }

    @Test
    void scaleExampleScalesOnlyThatRowAndLeavesTheOriginal() {
        Dataset d = indexed(5, 3);
        Dataset s = Transforms.scaleExample(d, -2, 2);
        assertArrayEquals(d.x().getRow(3).mul(2).toDoubleVector(), s.x().getRow(3).toDoubleVector(), 1e-7);
        assertEquals(6, s.y().getDouble(3, 0), 0);
        assertArrayEquals(d.x().getRow(2).toDoubleVector(), s.x().getRow(2).toDoubleVector(), 0);
        assertEquals(3, d.y().getDouble(3, 0), 0, "the argument is unchanged");
        assertThrows(IllegalArgumentException.class, () -> Transforms.scaleExample(d, 5, 2));
    }
}
