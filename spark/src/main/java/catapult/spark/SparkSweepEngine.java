package catapult.spark;

import catapult.lang.errors.RuntimeError;
import catapult.sweep.SweepEngine;
import catapult.sweep.SweepTask;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.spark.SimpleFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.rdd.RDD;
import scala.jdk.javaapi.CollectionConverters;
import scala.runtime.AbstractFunction0;
import scala.runtime.BoxedUnit;
import scala.util.Try;

/**
 * Runs a sweep as one Spark job with one task per grid point: {@code on: "spark"} is an
 * embedded Spark in local mode on every core; a master URL ({@code "spark://host:7077"},
 * {@code "local[4]"}) runs it there. Spark retries a task whose executor died; each finished
 * task's row reaches the sweep as soon as Spark reports it. Stopping the sweep cancels the job
 * (running tasks are interrupted).
 */
public final class SparkSweepEngine implements SweepEngine {
    /** How often the waiting sweep checks for a stop. */
    static final long POLL_MILLIS = 50;

    @Override public boolean accepts(String on) { return catapult.sweep.SweepEngines.isSpark(on); }

    @Override
    public void run(SweepTask task) {
        SweepShipment shipment = SweepShipment.of(task);
        String master = MasterUrls.master(task.on());
        JavaSparkContext spark;
        try {
            spark = SparkContexts.forMaster(master);
        } catch (RuntimeException e) {
            throw new RuntimeError("sweep: cannot start Spark for master '" + master + "': " + message(e), task.site());
        }
        String group = "catapult-sweep-" + UUID.randomUUID();
        SimpleFutureAction<BoxedUnit> job = SparkContexts.withSparkLoader(() -> submit(spark, shipment, task, group));
        try {
            await(job, spark, task);
        } finally {
            spark.clearJobGroup();
        }
    }

    private static SimpleFutureAction<BoxedUnit> submit(JavaSparkContext spark, SweepShipment shipment, SweepTask task, String group) {
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < shipment.size(); i++) positions.add(i);
        RDD<Integer> rdd = spark.parallelize(positions, positions.size()).rdd();
        List<Object> partitions = new ArrayList<>(positions);
        spark.setJobGroup(group, "catapult sweep of " + positions.size() + " points", true);
        return spark.sc().submitJob(rdd, new PointTask(shipment.text()), CollectionConverters.asScala(partitions).toSeq(),
                new OutcomeHandler(shipment, task), new AbstractFunction0<BoxedUnit>() {
                    @Override public BoxedUnit apply() { return BoxedUnit.UNIT; }
                });
    }

    /** Waits for the job; cancels it when the sweep stops; a failed job is an error naming Spark's reason. */
    private static void await(SimpleFutureAction<BoxedUnit> job, JavaSparkContext spark, SweepTask task) {
        while (!job.isCompleted()) {
            if (task.stopping()) {
                job.cancel();
                return;
            }
            if (spark.sc().isStopped()) throw new RuntimeError("sweep: the Spark context stopped (lost its master?)", task.site());
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                job.cancel();
                Thread.currentThread().interrupt();
                return;
            }
        }
        Try<BoxedUnit> result = job.value().get();
        if (result.isFailure() && !task.stopping()) {
            throw new RuntimeError("sweep: the Spark job failed: " + message(result.failed().get()), task.site());
        }
    }

    private static String message(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (root != e && root.getMessage() != null && !m.contains(root.getMessage())) m += " (" + root.getMessage() + ")";
        int cut = m.indexOf('\n');
        return cut < 0 ? m : m.substring(0, cut);
    }
}
