package catapult.sweep;

import java.nio.file.Path;

/**
 * The options of one {@code sweep} call.
 *
 * @param on           "threads", "spark", or a Spark master URL
 * @param save         the points file, or null
 * @param recordErrors true for {@code errors: "record"}: a failing point gets an {@code error} cell and the sweep goes on
 * @param threads      worker threads for the threads engine (0: every core)
 */
public record SweepSettings(String on, Path save, boolean recordErrors, int threads) {}
