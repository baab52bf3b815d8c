package catapult.sweep;

import catapult.lang.errors.CatapultError;
import java.util.Map;

/**
 * What running the body on one point gave: the fields of its row, or the error it failed with
 * (positioned in the body's source).
 */
public record PointOutcome(int index, Map<String, Object> fields, CatapultError failure) {

    public static PointOutcome done(int index, Map<String, Object> fields) { return new PointOutcome(index, fields, null); }

    public static PointOutcome failed(int index, CatapultError failure) { return new PointOutcome(index, null, failure); }

    public boolean ok() { return failure == null; }
}
