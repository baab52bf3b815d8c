package catapult.engine.train;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One loss spike of a run (docs/language.md section 8): it starts at step {@code start} where the loss
 * first rises, reaches its largest loss at step {@code peak}, and ends at the first later step
 * {@code end} whose loss is back at or below L(start). {@code ratio} = L(peak) / L(start).
 * {@code lamBefore} / {@code lamAfter} are lambda_1 of the tangent kernel at the tracked points
 * bracketing the episode (see {@link Catapults#attachEigenvalues}); NaN when not tracked.
 */
public record CatapultEpisode(int start, int peak, int end, double ratio,
                       double startLoss, double peakLoss, double lamBefore, double lamAfter) {

    /** The same episode with kernel eigenvalues attached. */
    public CatapultEpisode withLambdas(double before, double after) {
        return new CatapultEpisode(start, peak, end, ratio, startLoss, peakLoss, before, after);
    }

    /** As a record for tables and the language: {start, peak, end, ratio, ..., lam_before, lam_after}. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("start", start);
        m.put("peak", peak);
        m.put("end", end);
        m.put("ratio", ratio);
        m.put("start_loss", startLoss);
        m.put("peak_loss", peakLoss);
        if (!Double.isNaN(lamBefore) || !Double.isNaN(lamAfter)) {
            m.put("lam_before", lamBefore);
            m.put("lam_after", lamAfter);
        }
        return m;
    }
}
