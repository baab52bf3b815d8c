package catapult.spark;

import java.io.Serializable;
import scala.collection.Iterator;
import scala.runtime.AbstractFunction1;

/**
 * The function Spark runs on an executor for one partition, which holds one point's position:
 * it runs that point (see {@link PointRun}) and returns the answer. Serializable with the
 * shipment's text, which Spark sends once per stage with the task binary.
 */
final class PointTask extends AbstractFunction1<Iterator<Integer>, String> implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String shipment;

    PointTask(String shipment) {
        this.shipment = shipment;
    }

    @Override
    public String apply(Iterator<Integer> positions) {
        return PointRun.run(shipment, positions.next());
    }
}
