package catapult.engine.train;

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
 */
final class ModelTraining implements LrContext {

    /** A loss this many times the initial one counts as divergence (LANGUAGE.md section 8). */
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
    private int lastTracked = -1;
    private Run.Stop stop;
    private int divergedAt = -1;

    ModelTraining(Model model, Dataset data, Optimizer opt, TrainConfig cfg, boolean fullBatch,
                  List<Metric> updateMetrics, List<Metric> everyMetrics) {
        this.model = model;
        this.fullBatch = fullBatch;
        this.data = data;
        this.cfg = cfg;
        this.loss = cfg.loss();
        this.schedule = opt.lr();
        this.stepper = opt.rule().start(model.params());
        this.updateMetrics = updateMetrics;
        this.everyMetrics = everyMetrics;
        int pairs = everyMetrics.stream().mapToInt(Metric::eigenpairs).max().orElse(0);
        boolean needsKernel = pairs > 0 || everyMetrics.stream().anyMatch(m -> m.name().equals("kernel_change"));
        this.kernels = needsKernel ? new KernelTracker(model, data, loss, Math.max(1, pairs), cfg.seed()) : null;
        series.put("loss", Series.scalar("loss"));
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
        try (Model.Pass pass = fullBatch && fullPass != null ? fullPass : model.forward(batch.x())) {
            fullPass = null;
            INDArray cotangent = loss.gradient(pass.output(), batch.y());
            gradient = pass.vjp(cotangent);
            cotangent.close();
        }
        for (Metric m : updateMetrics) record(m.name(), t, m.measure(this));
        stepper.step(model.params(), gradient, lr);
        gradient.close();
        gradient = null;
        step = t + 1;
        double l = recordLoss(step);
        if (!Double.isFinite(l) || initialLoss > 0 && l > DIVERGENCE_FACTOR * initialLoss) markDiverged(step);
    }

    /** Measures the every-k metrics at step t (no-op once they were measured there). */
    void track(int t) {
        if (lastTracked == t || everyMetrics.isEmpty()) {
            lastTracked = t;
            return;
        }
        if (kernels != null) kernels.moveTo(t);
        for (Metric m : everyMetrics) record(m.name(), t, m.measure(this));
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

    /** Ends the run at step t: the last step is tracked unless the run diverged or was interrupted. */
    void finish(int t, Run.Stop reason) {
        closeFullPass();
        if (stop == null) stop = reason;
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
        INDArray f = model.predict(cfg.test().x());
        return lossValue(f, cfg.test().y());
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

    /**
     * The loss on the whole training data at the current parameters. Full-batch optimizers keep
     * the forward pass, so the next update reuses it instead of running the network again.
     */
    private double recordLoss(int t) {
        INDArray f;
        if (fullBatch) {
            closeFullPass();
            fullPass = model.forward(data.x());
            f = fullPass.output();
        } else {
            f = model.predict(data.x());
        }
        double l = lossValue(f, data.y());
        record("loss", t, new double[] {l});
        return l;
    }

    /** (c/2) |f - y|^2 as {@link Loss#value}, via one fused reduction that allocates nothing. */
    private double lossValue(INDArray f, INDArray y) {
        if (!java.util.Arrays.equals(f.shape(), y.shape())) return loss.value(f, y);
        return 0.5 * loss.curvature(f.size(0)) * f.squaredDistance(y);
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
