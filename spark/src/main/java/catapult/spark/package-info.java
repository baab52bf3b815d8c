/**
 * Sweeps on Apache Spark: {@code sweep(grid, body, on: "spark")} (an embedded Spark in local
 * mode) or {@code on: "spark://host:7077"} (a cluster). {@link catapult.spark.SparkSweepEngine}
 * encodes the body and the grid points with the value codec ({@link catapult.spark.SweepShipment}),
 * runs one Spark task per point ({@link catapult.spark.PointTask}, each in a fresh session on an
 * executor, see {@link catapult.spark.PointRun}), and hands each finished point to the sweep as
 * Spark reports it ({@link catapult.spark.OutcomeHandler}).
 */
package catapult.spark;
