package catapult.engine.train;

import catapult.engine.data.Dataset;
import catapult.engine.models.Model;
import java.util.ArrayList;
import org.nd4j.linalg.api.buffer.DataType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code train}: gradient-based training of one model or of several in lockstep (the same
 * batches in the same order, e.g. a network with its linear and quadratic models), recording the
 * metrics of docs/language.md section 8. Models are trained in place; each gets its own optimizer state
 * and schedule context. A model stops alone when it diverges or its {@code until} holds; an
 * interrupt stops all of them. Nothing here throws for divergence.
 */
public final class Trainer {

    private Trainer() {}

    /** Trains one model; see {@link #train(List, Dataset, Optimizer, TrainConfig)}. */
    public static Run train(Model model, Dataset data, Optimizer opt, TrainConfig cfg) {
        return train(List.of(model), data, opt, cfg).get(0);
    }

    /** Trains the models in lockstep and returns one run per model, in order. */
    public static List<Run> train(List<Model> models, Dataset data, Optimizer opt, TrainConfig cfg) {
        checkArguments(models, data, opt, cfg);
        DataType dtype = models.get(0).params().dataType();
        data = inType(data, dtype);
        if (cfg.test() != null) cfg = cfg.withTest(inType(cfg.test(), dtype));
        BatchSampler sampler = new BatchSampler(data.n(), opt.batch(), cfg.seed());
        BatchGather gather = new BatchGather(data);
        int epoch = sampler.fullBatch() ? 1 : (data.n() + opt.batch() - 1) / opt.batch();
        List<ModelTraining> states = startAll(models, data, opt, cfg, sampler.fullBatch(), cfg.lossEvery(epoch));
        ProgressThrottle progress = new ProgressThrottle(cfg.progress(), "train");
        int t = 0;
        Run.Stop reason = Run.Stop.STEPS;
        while (t < cfg.steps() && anyActive(states)) {
            if (cfg.interrupt().getAsBoolean() || Thread.currentThread().isInterrupted()) {
                reason = Run.Stop.INTERRUPTED;
                break;
            }
            int[] rows = sampler.next();
            Dataset batch = rows == null ? data : gather.rows(rows);
            t++;
            for (ModelTraining s : states) if (s.active()) stepOne(s, t, batch, cfg);
            report(progress, states, t, cfg.steps(), false);
        }
        for (ModelTraining s : states) {
            if (reason == Run.Stop.INTERRUPTED) s.interrupt();
            s.finish(s.lastStep(), Run.Stop.STEPS);
        }
        report(progress, states, t, cfg.steps(), true);
        List<Run> runs = new ArrayList<>();
        for (ModelTraining s : states) runs.add(s.toRun(opt));
        return runs;
    }

    /** Update t - 1 -> t, then the every-k metrics and the until test for step t. */
    private static void stepOne(ModelTraining s, int t, Dataset batch, TrainConfig cfg) {
        s.update(t - 1, batch);
        if (!s.active()) return;
        if (t % cfg.every() == 0) s.track(t);
        s.checkUntil(t);
    }

    private static List<ModelTraining> startAll(List<Model> models, Dataset data, Optimizer opt, TrainConfig cfg,
                                                boolean fullBatch, int lossEvery) {
        List<Metric> update = new ArrayList<>(List.of(Metric.named("lr")));
        List<Metric> every = new ArrayList<>();
        for (Metric m : distinct(cfg.track())) {
            if (m.cadence() == Metric.Cadence.UPDATE) update.add(m);
            if (m.cadence() == Metric.Cadence.EVERY) every.add(m);
        }
        List<ModelTraining> states = new ArrayList<>();
        for (Model m : models) states.add(new ModelTraining(m, data, opt, cfg, fullBatch, lossEvery, update, every));
        for (ModelTraining s : states) s.start();
        return states;
    }

    /** The tracked metrics without "loss"/"batch_loss"/"lr" (always recorded) and without repeats by name. */
    private static List<Metric> distinct(List<Metric> track) {
        Map<String, Metric> byName = new LinkedHashMap<>();
        for (Metric m : track) {
            if (m.name().equals("loss") || m.name().equals("batch_loss") || m.name().equals("lr")) continue;
            Metric earlier = byName.putIfAbsent(m.name(), m);
            if (earlier != null && !earlier.toString().equals(m.toString())) {
                throw new IllegalArgumentException("metric '" + m.name() + "' is tracked twice with different arguments ("
                        + earlier + " and " + m + ")");
            }
        }
        return new ArrayList<>(byName.values());
    }

    private static void checkArguments(List<Model> models, Dataset data, Optimizer opt, TrainConfig cfg) {
        java.util.Objects.requireNonNull(data, "data");
        java.util.Objects.requireNonNull(opt, "opt");
        for (Model m : models) {
            if (m.outputCount() != data.k()) {
                throw new IllegalArgumentException("the model has " + m.outputCount() + " outputs but the data has "
                        + data.k() + " label columns");
            }
        }
        for (int i = 0; i < models.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (models.get(i) == models.get(j)) {
                    throw new IllegalArgumentException("the same model is among the models twice; train a copy() of it");
                }
            }
        }
        for (Metric m : cfg.track()) {
            if (m.needsTest() && cfg.test() == null) {
                throw new IllegalArgumentException("metric '" + m.name() + "' needs test data, and none was given");
            }
        }
        if (cfg.test() != null && cfg.test().k() != data.k()) {
            throw new IllegalArgumentException("the test data has " + cfg.test().k() + " label columns but the training data has "
                    + data.k());
        }
    }

    /** The data in the models' floating type, converted once rather than at every step. */
    private static Dataset inType(Dataset d, DataType dtype) {
        if (d.x().dataType() == dtype && d.y().dataType() == dtype || !dtype.isFPType()) return d;
        return Dataset.of(d.x().castTo(dtype), d.y().castTo(dtype), d.description());
    }

    private static boolean anyActive(List<ModelTraining> states) {
        for (ModelTraining s : states) if (s.active()) return true;
        return false;
    }

    private static void report(ProgressThrottle progress, List<ModelTraining> states, int t, int steps, boolean finished) {
        ModelTraining first = states.get(0);
        progress.report(t, steps, first.latestLoss(), first.currentLr(), first.knownCriticalLr(), finished);
    }
}
