package catapult.engine.train;

import catapult.engine.table.NumberText;
/**
 * A progress report of a long task (a training run or a sweep) for the CLI and REPL to draw.
 * {@code loss}, {@code lr} and {@code criticalLr} are NaN when they do not apply or are unknown.
 *
 * @param task        "train" or "sweep"
 * @param done        steps (or grid points) finished
 * @param total       steps (or grid points) planned
 * @param elapsedSeconds wall time since the task started
 * @param etaSeconds  estimated seconds left (NaN before the first step is done)
 * @param finished    true on the last report of the task
 */
public record Progress(String task, long done, long total, double loss, double lr, double criticalLr,
                       double elapsedSeconds, double etaSeconds, boolean finished) {

    /** One line, e.g. "train 120/2000  loss 0.0312  lr 0.8 (0.53 x crit)  eta 4s". */
    public String line() {
        StringBuilder s = new StringBuilder(task).append(' ').append(done).append('/').append(total);
        if (!Double.isNaN(loss)) s.append("  loss ").append(NumberText.number(loss));
        if (!Double.isNaN(lr)) {
            s.append("  lr ").append(NumberText.number(lr));
            if (criticalLr > 0) s.append(" (").append(NumberText.number(lr / criticalLr)).append(" x crit)");
        }
        if (!Double.isNaN(etaSeconds)) s.append("  eta ").append(NumberText.number(Math.round(etaSeconds))).append('s');
        return s.toString();
    }
}
