package catapult.spark;

import catapult.lang.errors.RuntimeError;
import catapult.lang.session.Session;
import catapult.sweep.PointOutcome;
import catapult.sweep.SweepTask;
import scala.runtime.AbstractFunction2;
import scala.runtime.BoxedUnit;

/**
 * Called on the driver by Spark's scheduler each time a task succeeds: hands the point's
 * outcome to the sweep at once (which saves its row), instead of waiting for the whole job.
 * Nothing thrown here may reach the scheduler; a row that cannot be read becomes that point's
 * error.
 */
final class OutcomeHandler extends AbstractFunction2<Object, String, BoxedUnit> {
    private final SweepShipment shipment;
    private final SweepTask task;

    OutcomeHandler(SweepShipment shipment, SweepTask task) {
        this.shipment = shipment;
        this.task = task;
    }

    @Override
    public BoxedUnit apply(Object partition, String answer) {
        int position = (Integer) partition;
        Session session = task.session();
        PointOutcome outcome;
        try {
            outcome = shipment.outcome(position, answer, session);
        } catch (RuntimeException e) {
            outcome = PointOutcome.failed(task.points().get(position).index(),
                    new RuntimeError("sweep: cannot read the result of a point: " + e.getMessage(), task.site()));
        }
        task.report(outcome);
        return BoxedUnit.UNIT;
    }
}
