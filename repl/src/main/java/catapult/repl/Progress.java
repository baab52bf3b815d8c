package catapult.repl;

/**
 * One progress report of a long computation (a training run, a sweep): step of steps, current
 * loss, learning rate and critical learning rate (NaN when unknown), and the estimated seconds
 * left (NaN to let the renderer estimate it from the elapsed time).
 */
public record Progress(long step, long steps, double loss, double lr, double criticalLr, double etaSeconds) {

    public static Progress of(long step, long steps, double loss) {
        return new Progress(step, steps, loss, Double.NaN, Double.NaN, Double.NaN);
    }
}
