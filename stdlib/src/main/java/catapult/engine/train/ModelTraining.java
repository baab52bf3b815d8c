package catapult.engine.train;

import catapult.engine.PhaseClock;
import catapult.engine.PhaseClock.Phase;
import catapult.engine.table.NumberText;
import catapult.engine.data.Dataset;
import catapult.engine.kernels.Agop;
import catapult.engine.kernels.CriticalLr;
import catapult.engine.kernels.Loss;
import catapult.engine.models.Model;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The training state of one model inside a (possibly lockstep) run: its optimizer moments, its
 * schedule context, its series and its stop status. The {@link Trainer} drives every model's state
 * through the same steps on the same batches; this class does what happens to one model.
 *
 * <p>The loss series (docs/language.md, "Cost of the loss series"): full-batch GD records the
 * full loss after every update, from the forward pass the next update reuses; mini-batch runs
 * record the loss of each update's batch ({@code batch_loss}, free) and measure the full loss
 * every {@code lossEvery} steps, at t = 0 and at the end. A batch loss that looks divergent
 * triggers a full measurement at once, so divergence is never missed between measurements.
 */
final class ModelTraining implements LrContext {

    /** A loss this many times the initial one counts as divergence (docs/language.md section 8). */
    static final double DIVERGENCE_FACTOR = 1e10;

    private final Model model;
    private final Dataset data;
    private final TrainConfig cfg;
    private final Loss loss;
    private final LrSchedule schedule;
    private final UpdateRule.Stepper stepper;
    private final List<Metric> updateMetrics;
    private final List<Metric> everyMetrics;
    private final Map<String, Series> series = new LinkedHashMap<>();
    private final Map<String, Object> latest = new LinkedHashMap<>();
    private final Map<Object, Object> scheduleState = new HashMap<>();
    private final Map<String, Object> trackers = new HashMap<>();
    private final KernelTracker kernels;
    private final boolean fullBatch;
    private final int lossEvery;
    private final GradientStep gradientStep;
    private final long startNanos = System.nanoTime();

    private Model.Pass fullPass;
    private Dataset batch;
    private INDArray gradient;
    private double lr = Double.NaN;
    private double initialLoss;
    private double initialCritical = Double.NaN;
    private int criticalStep = -1;
    private double critical = Double.NaN;
    private int step;
    private int lossStep = -1;
    private int lastTracked = -1;
    private Run.Stop stop;
    private int divergedAt = -1;

    ModelTraining(Model model, Dataset data, Optimizer opt, TrainConfig cfg, boolean fullBatch, int lossEvery,
                  List<Metric> updateMetrics, List<Metric> everyMetrics) {
        this.model = model;
        this.fullBatch = fullBatch;
        this.lossEvery = fullBatch ? 1 : lossEvery;
        this.data = data;
        this.cfg = cfg;
        this.loss = cfg.loss();
        this.schedule = opt.lr();
        this.stepper = opt.rule().start(model.params());
        this.gradientStep = new GradientStep(model, cfg.loss());
        this.updateMetrics = updateMetrics;
        this.everyMetrics = everyMetrics;
        int pairs = everyMetrics.stream().mapToInt(Metric::eigenpairs).max().orElse(0);
        boolean needsKernel = pairs > 0 || everyMetrics.stream().anyMatch(m -> m.name().equals("kernel_change"));
        this.kernels = needsKernel ? new KernelTracker(model, data, loss, Math.max(1, pairs), cfg.seed()) : null;
        series.put("loss", Series.scalar("loss"));
        if (!fullBatch) series.put("batch_loss", Series.scalar("batch_loss"));
        for (Metric m : updateMetrics) series.put(m.name(), new Series(m.name(), m.columns()));
        for (Metric m : everyMetrics) series.put(m.name(), new Series(m.name(), m.columns()));
    }

    /** Records the loss at initialization and the metrics at t = 0. */
    void start() {
        initialLoss = recordLoss(0);
        if (!Double.isFinite(initialLoss)) {
            markDiverged(0);
            return;
        }
        track(0);
    }

    /** Update t -> t + 1 on {@code batchData} (the full data set for full-batch optimizers). */
    void update(int t, Dataset batchData) {
        batch = batchData;
        lr = schedule.at(t, this);
        if (!(lr >= 0) || Double.isInfinite(lr)) {
            throw new IllegalArgumentException("learning rate at step " + t + " must be a finite number >= 0, got "
                    + NumberText.number(lr));
        }
        if (!computeGradient(t)) return;
        for (Metric m : updateMetrics) record(m.name(), t, m.measure(this));
        try (PhaseClock.Scope ignored = PhaseClock.enter(Phase.UPDATE)) {
            stepper.step(model.params(), gradient, lr);
        }
        gradient = null;
        step = t + 1;
        if (fullBatch || step % lossEvery == 0) checkLoss(recordLoss(step), step);
    }

    /**
     * Forward pass on the batch, its loss and the gradient into the step buffer. Returns false
     * when the batch loss revealed a divergence (the full loss at t confirmed it).
     */
    private boolean computeGradient(int t) {
        Model.Pass pass = fullBatch && fullPass != null ? fullPass : forward(batch.x());
        fullPass = null;
        try (pass) {
            if (fullBatch) {
                gradientStep.run(pass, batch.y());
            } else {
                double batchLoss = gradientStep.run(pass, batch.y());
                record("batch_loss", t, new double[] {batchLoss});
                if (divergent(batchLoss)) {
                    double full = lossStep == t ? latestLoss() : recordLoss(t);
                    if (divergent(full)) {
                        markDiverged(t);
                        return false;
                    }
                }
            }
            gradient = gradientStep.gradient();
        }
        return true;
    }

    /** Measures the every-k metrics at step t (no-op once they were measured there). */
    void track(int t) {
        if (lastTracked == t || everyMetrics.isEmpty()) {
            lastTracked = t;
            return;
        }
        try (PhaseClock.Scope ignored = PhaseClock.enter(Phase.TRACKING)) {
            if (kernels != null) kernels.moveTo(t);
            for (Metric m : everyMetrics) record(m.name(), t, m.measure(this));
        }
        lastTracked = t;
    }

    /** Asks the until predicate after the update that produced step t; stops this model when it holds. */
    void checkUntil(int t) {
        if (cfg.until() == null || !active()) return;
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("step", t);
        record.putAll(latest);
        if (cfg.until().test(record)) stop = Run.Stop.UNTIL;
    }

    /** Ends the run at step t: the full loss and the metrics are recorded there unless it diverged. */
    void finish(int t, Run.Stop reason) {
        closeFullPass();
        if (stop == null) stop = reason;
        if (stop == Run.Stop.DIVERGED) return;
        if (lossStep != t) checkLoss(recordLoss(t), t);
        closeFullPass();
        if (stop == Run.Stop.STEPS || stop == Run.Stop.UNTIL) track(t);
    }

    boolean active() { return stop == null; }

    /** Updates made so far. */
    int lastStep() { return step; }

    void interrupt() {
        if (stop == null) stop = Run.Stop.INTERRUPTED;
    }

    Run toRun(Optimizer opt) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        return new Run(model, step, series, stop == null ? Run.Stop.STEPS : stop, divergedAt, loss, opt.toString(), seconds);
    }

    double latestLoss() { return (Double) latest.get("loss"); }

    /** The critical rate if it has been computed at some step, else NaN (for progress lines). */
    double knownCriticalLr() { return critical; }

    // ---- LrContext -------------------------------------------------------------------------

    @Override
    public double initialCriticalLr() {
        if (Double.isNaN(initialCritical)) {
            if (step != 0) throw new IllegalStateException("the initial critical learning rate is only known at step 0");
            initialCritical = criticalLr();
        }
        return initialCritical;
    }

    @Override
    public double currentCriticalLr() { return criticalLr(); }

    @Override
    public Map<Object, Object> state() { return scheduleState; }

    // ---- measurements used by Metric ---------------------------------------------------------

    double currentLr() { return lr; }

    /** Critical rate on the whole training data at the current parameters, cached per step. */
    double criticalLr() {
        if (criticalStep != step) {
            critical = CriticalLr.of(model, data.x(), data.y(), loss, "ntk");
            criticalStep = step;
        }
        return critical;
    }

    /** The batch's critical rate 2 / (c_b lambda_max(K_batch)): b / lambda_max for mse. */
    double batchCriticalLr() {
        double top = loss.curvature(batch.n()) * CriticalLr.lambdaMax(model, batch.x());
        return top > 0 ? 2.0 / top : Double.POSITIVE_INFINITY;
    }

    double gradientNorm() { return gradient.norm2Number().doubleValue(); }

    double distance() { return model.params().distance2(model.initialParams()); }

    double testLoss() {
        try (Model.Pass p = model.forward(cfg.test().x())) {
            return lossValue(p.output(), cfg.test().y());
        }
    }

    double testError() {
        return ClassificationError.of(model.predict(cfg.test().x()), cfg.test().y());
    }

    double agopAlignment(INDArray gstar, INDArray x) {
        return Agop.alignment(Agop.agop(model, x), gstar);
    }

    KernelTracker kernels() { return kernels; }

    Model model() { return model; }

    Dataset data() { return data; }

    Loss loss() { return loss; }

    /** Per-model state a metric keeps between tracked steps (a warm start, a cached limit kernel). */
    @SuppressWarnings("unchecked")
    <T> T tracker(String key, java.util.function.Supplier<T> create) {
        return (T) trackers.computeIfAbsent(key, k -> create.get());
    }

    // ---- internals ---------------------------------------------------------------------------

    private Model.Pass forward(INDArray x) {
        try (PhaseClock.Scope ignored = PhaseClock.enter(Phase.FORWARD)) {
            return model.forward(x);
        }
    }

    /**
     * The loss on the whole training data at the current parameters, recorded at step t.
     * Full-batch optimizers keep the forward pass, so the next update reuses it.
     */
    private double recordLoss(int t) {
        double l;
        if (fullBatch) {
            closeFullPass();
            fullPass = forward(data.x());
            l = lossValue(fullPass.output(), data.y());
        } else {
            try (PhaseClock.Scope ignored = PhaseClock.enter(Phase.LOSS); Model.Pass p = model.forward(data.x())) {
                l = lossValue(p.output(), data.y());
            }
        }
        record("loss", t, new double[] {l});
        lossStep = t;
        return l;
    }

    /** Marks divergence at step t when the full loss l there is non-finite or exploded. */
    private void checkLoss(double l, int t) {
        if (divergent(l)) markDiverged(t);
    }

    private boolean divergent(double l) {
        return !Double.isFinite(l) || initialLoss > 0 && l > DIVERGENCE_FACTOR * initialLoss;
    }

    /** (c/2) |f - y|^2 as {@link Loss#value}, via one fused reduction that allocates nothing. */
    private double lossValue(INDArray f, INDArray y) {
        if (!java.util.Arrays.equals(f.shape(), y.shape()) || f.dataType() != y.dataType()) return loss.value(f, y);
        return 0.5 * loss.curvature(f.size(0)) * catapult.engine.autodiff.Fused.squaredDistance(f, y);
    }

    private void record(String name, int t, double[] values) {
        series.get(name).add(t, values);
        latest.put(name, values.length == 1 ? (Object) values[0] : values.clone());
    }

    private void closeFullPass() {
        if (fullPass != null) fullPass.close();
        fullPass = null;
    }

    private void markDiverged(int t) {
        closeFullPass();
        stop = Run.Stop.DIVERGED;
        divergedAt = t;
    }
}
