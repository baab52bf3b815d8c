/**
 * The {@code sweep} built-in: a grid of points, a body run once per point by a
 * {@link catapult.sweep.SweepEngine} (worker threads of this process, or Spark through the
 * catapult-spark module), finished rows appended durably to a {@link catapult.sweep.PointsFile}
 * so a rerun computes only the missing points, and errors stopping the sweep or recorded per
 * point. {@link catapult.sweep.SweepRunner} ties these together; read it first.
 */
package catapult.sweep;
