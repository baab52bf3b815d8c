package catapult.engine.train;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds catapult episodes in a loss curve by the rule of docs/language.md section 8. Scanning from
 * t = 0: an episode starts at the first t with L(t+1) > L(t), its peak is the largest loss until
 * it ends at the first later step e with L(e) <= L(t); scanning resumes at e. An episode that never
 * comes back down (a divergence, or a spike cut off by the end of the run) is not a catapult.
 * It counts when L(peak) / L(start) >= minRatio and the peak is above the round-off floor
 * {@link #NOISE_FLOOR} x L(0).
 */
public final class Catapults {

    /** The dissertation's threshold for calling a spike a catapult. */
    public static final double DEFAULT_MIN_RATIO = 2.0;

    /**
     * Spikes whose peak stays below this fraction of the initial loss are round-off wiggles of
     * a converged run (e.g. 1e-15 -> 4e-15), not catapults.
     */
    public static final double NOISE_FLOOR = 1e-7;

    private Catapults() {}

    /**
     * Episodes of a loss series measured at the given steps (a mini-batch run measures the full
     * loss every loss_every steps): found on the measured values, reported in steps.
     */
    public static List<CatapultEpisode> detect(int[] steps, double[] loss, double minRatio) {
        List<CatapultEpisode> found = detect(loss, minRatio);
        List<CatapultEpisode> out = new ArrayList<>(found.size());
        for (CatapultEpisode c : found) {
            out.add(new CatapultEpisode(steps[c.start()], steps[c.peak()], steps[c.end()], c.ratio(), c.startLoss(),
                    c.peakLoss(), c.lamBefore(), c.lamAfter()));
        }
        return out;
    }

    /** Completed episodes of {@code loss} (one value per step) whose peak ratio is at least {@code minRatio}. */
    public static List<CatapultEpisode> detect(double[] loss, double minRatio) {
        List<CatapultEpisode> found = new ArrayList<>();
        int t = 0;
        while (t + 1 < loss.length) {
            if (!(loss[t + 1] > loss[t])) {
                t++;
                continue;
            }
            CatapultEpisode episode = episodeFrom(loss, t);
            if (episode == null) break;
            boolean aboveNoise = !(loss[0] > 0) || episode.peakLoss() >= NOISE_FLOOR * loss[0];
            if (episode.ratio() >= minRatio && aboveNoise) found.add(episode);
            t = episode.end();
        }
        return found;
    }

    /** The episode starting at t (L(t+1) > L(t)), or null when the loss never returns to L(t). */
    private static CatapultEpisode episodeFrom(double[] loss, int t) {
        int peak = t + 1;
        for (int e = t + 1; e < loss.length; e++) {
            if (!Double.isFinite(loss[e])) return null;
            if (loss[e] <= loss[t]) {
                double ratio = loss[t] > 0 ? loss[peak] / loss[t] : Double.POSITIVE_INFINITY;
                return new CatapultEpisode(t, peak, e, ratio, loss[t], loss[peak], Double.NaN, Double.NaN);
            }
            if (loss[e] > loss[peak]) peak = e;
        }
        return null;
    }

    /**
     * Attaches lambda_1 from an {@code ntk_eigs} series: lam_before is the value at the latest
     * tracked step <= start, lam_after the value at the first tracked step >= end (or the last
     * tracked step when none is that late). NaN where no such point exists.
     */
    public static List<CatapultEpisode> attachEigenvalues(List<CatapultEpisode> episodes, Series eigs) {
        if (eigs == null || eigs.isEmpty()) return episodes;
        int[] when = eigs.when();
        double[] lam = eigs.column(0);
        List<CatapultEpisode> out = new ArrayList<>(episodes.size());
        for (CatapultEpisode c : episodes) {
            double before = Double.NaN;
            double after = Double.NaN;
            for (int i = 0; i < when.length; i++) {
                if (when[i] <= c.start()) before = lam[i];
                if (when[i] >= c.end() && Double.isNaN(after)) after = lam[i];
            }
            if (Double.isNaN(after) && when[when.length - 1] > c.start()) after = lam[lam.length - 1];
            out.add(c.withLambdas(before, after));
        }
        return out;
    }
}
