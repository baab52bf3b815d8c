package catapult.engine.train;

import catapult.engine.data.Dataset;
import catapult.engine.kernels.Loss;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * The options of {@code train} other than models, data and optimizer (docs/language.md section 8).
 * Immutable; each {@code with...} returns a changed copy, so one configuration can seed many runs.
 * Defaults: 100 steps, mse loss, metrics every step, seed 0, no test set, no progress; the full
 * loss of mini-batch runs every {@code every} steps when that was set, else once per epoch.
 */
public final class TrainConfig {

    private int steps = 100;
    private Predicate<Map<String, Object>> until;
    private Loss loss = Loss.MSE;
    private Dataset test;
    private List<Metric> track = List.of();
    private int every = 1;
    private boolean everyGiven;
    private int lossEvery;
    private long seed;
    private ProgressListener progress = ProgressListener.NONE;
    private BooleanSupplier interrupt = () -> false;

    public static TrainConfig defaults() { return new TrainConfig(); }

    private TrainConfig copy() {
        TrainConfig c = new TrainConfig();
        c.steps = steps;
        c.until = until;
        c.loss = loss;
        c.test = test;
        c.track = track;
        c.every = every;
        c.everyGiven = everyGiven;
        c.lossEvery = lossEvery;
        c.seed = seed;
        c.progress = progress;
        c.interrupt = interrupt;
        return c;
    }

    /** The most updates to make. */
    public TrainConfig withSteps(int n) {
        TrainConfig c = copy();
        c.steps = n;
        return c;
    }

    /** Stop once this holds; called after each update with {step, loss, latest tracked values}. */
    public TrainConfig withUntil(Predicate<Map<String, Object>> p) {
        TrainConfig c = copy();
        c.until = p;
        return c;
    }

    public TrainConfig withLoss(Loss l) {
        java.util.Objects.requireNonNull(l, "loss");
        TrainConfig c = copy();
        c.loss = l;
        return c;
    }

    public TrainConfig withTest(Dataset d) {
        TrainConfig c = copy();
        c.test = d;
        return c;
    }

    public TrainConfig withTrack(List<Metric> metrics) {
        TrainConfig c = copy();
        c.track = List.copyOf(metrics);
        return c;
    }

    /** Adds metrics to the tracked ones. */
    public TrainConfig track(Metric... metrics) {
        List<Metric> all = new ArrayList<>(track);
        all.addAll(List.of(metrics));
        return withTrack(all);
    }

    /** Spacing of every-k metrics. */
    public TrainConfig withEvery(int k) {
        TrainConfig c = copy();
        c.every = k;
        c.everyGiven = true;
        return c;
    }

    /**
     * Steps between measurements of the full training loss for mini-batch optimizers (full-batch
     * GD measures it every step for free). 1 restores the per-step full loss.
     */
    public TrainConfig withLossEvery(int k) {
        TrainConfig c = copy();
        c.lossEvery = k;
        return c;
    }

    /** Seed of the batch order (and of Lanczos start vectors). */
    public TrainConfig withSeed(long s) {
        TrainConfig c = copy();
        c.seed = s;
        return c;
    }

    public TrainConfig withProgress(ProgressListener l) {
        TrainConfig c = copy();
        c.progress = l == null ? ProgressListener.NONE : l;
        return c;
    }

    /** Checked before each update (besides the thread's interrupt flag); true stops and keeps the partial run. */
    public TrainConfig withInterrupt(BooleanSupplier check) {
        TrainConfig c = copy();
        c.interrupt = check == null ? () -> false : check;
        return c;
    }

    public int steps() { return steps; }

    public Predicate<Map<String, Object>> until() { return until; }

    public Loss loss() { return loss; }

    public Dataset test() { return test; }

    public List<Metric> track() { return track; }

    public int every() { return every; }

    /**
     * The full-loss cadence of a mini-batch run whose epoch is {@code epochSteps} updates:
     * {@code loss_every} when given, else {@code every} when given, else once per epoch.
     */
    public int lossEvery(int epochSteps) {
        if (lossEvery > 0) return lossEvery;
        return everyGiven ? every : Math.max(1, epochSteps);
    }

    public long seed() { return seed; }

    public ProgressListener progress() { return progress; }

    public BooleanSupplier interrupt() { return interrupt; }
}
