package catapult.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CatapultsTest {

    @Test
    void oneSpikeThatComesBack() {
        double[] loss = {1.0, 0.8, 0.9, 3.0, 5.0, 2.0, 0.7, 0.5};
        List<CatapultEpisode> c = Catapults.detect(loss, 2);
        assertEquals(1, c.size());
        assertEquals(1, c.get(0).start());
        assertEquals(4, c.get(0).peak());
        assertEquals(6, c.get(0).end());
        assertEquals(5.0 / 0.8, c.get(0).ratio(), 1e-12);
    }

    @Test
    void roundOffWigglesOfAConvergedRunAreNotCatapults() {
        double[] loss = {1.0, 1e-3, 1e-9, 1.7e-15, 4e-15, 1e-15, 0.5e-15};
        assertTrue(Catapults.detect(loss, 2).isEmpty());
        double[] late = {1.0, 1e-3, 1e-5, 4e-5, 1e-6};
        assertEquals(1, Catapults.detect(late, 2).size(), "a real spike late in training still counts");
    }

    @Test
    void smallBumpsAreNotCatapults() {
        double[] loss = {1.0, 1.5, 0.9, 1.2, 0.8, 0.7};
        assertTrue(Catapults.detect(loss, 2).isEmpty());
        assertEquals(2, Catapults.detect(loss, 1.2).size());
    }

    @Test
    void twoCatapultsInARow() {
        double[] loss = {1.0, 4.0, 0.9, 0.5, 2.0, 0.4, 0.3};
        List<CatapultEpisode> c = Catapults.detect(loss, 2);
        assertEquals(2, c.size());
        assertEquals(0, c.get(0).start());
        assertEquals(2, c.get(0).end());
        assertEquals(3, c.get(1).start());
        assertEquals(5, c.get(1).end());
    }

    @Test
    void aSpikeThatNeverReturnsIsNotACatapult() {
        assertTrue(Catapults.detect(new double[] {1.0, 0.5, 4.0, 8.0, 3.0}, 2).isEmpty());
        assertTrue(Catapults.detect(new double[] {1.0, 10.0, Double.NaN}, 2).isEmpty());
    }

    @Test
    void eigenvaluesFromTheBracketingTrackedPoints() {
        Series eigs = new Series("ntk_eigs", List.of("ntk_eigs_0"));
        eigs.add(0, 10);
        eigs.add(5, 8);
        eigs.add(10, 6);
        eigs.add(12, 5);
        CatapultEpisode c = new CatapultEpisode(6, 8, 9, 3, 1, 3, Double.NaN, Double.NaN);
        CatapultEpisode withLam = Catapults.attachEigenvalues(List.of(c), eigs).get(0);
        assertEquals(8, withLam.lamBefore());
        assertEquals(6, withLam.lamAfter());
        CatapultEpisode late = new CatapultEpisode(11, 12, 13, 3, 1, 3, Double.NaN, Double.NaN);
        assertEquals(5, Catapults.attachEigenvalues(List.of(late), eigs).get(0).lamAfter());
    }

    @Test
    void phasesPeakRatioIgnoresRoundOffButSeesRealRises() {
        assertEquals(1.0, Phases.peakRatio(new double[] {1.0, 1e-3, 1e-9, 1.7e-15, 4e-15, 1e-15}), 0);
        assertEquals(4.0, Phases.peakRatio(new double[] {1.0, 0.5, 2.0, 0.1}), 0);
        assertEquals(Double.POSITIVE_INFINITY, Phases.peakRatio(new double[] {1.0, Double.NaN}));
    }
}
