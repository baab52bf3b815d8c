package catapult.builtins;

import catapult.engine.data.Dataset;
import catapult.engine.models.Model;
import catapult.engine.train.Catapults;
import catapult.engine.train.MaxLr;
import catapult.engine.train.Metric;
import catapult.engine.train.Optimizer;
import catapult.engine.train.Phases;
import catapult.engine.train.Run;
import catapult.engine.table.Table;
import catapult.engine.train.TrainConfig;
import catapult.engine.train.Trainer;
import catapult.lang.builtins.Args;
import catapult.lang.builtins.Builtin;
import catapult.lang.builtins.BuiltinProvider;
import catapult.lang.builtins.BuiltinRegistry;
import catapult.lang.builtins.Type;
import catapult.lang.value.CatFunction;
import catapult.lang.value.CatValue;
import catapult.lang.value.Record;
import catapult.lang.value.Values;
import catapult.sweep.Grid;
import catapult.sweep.SweepEngines;
import catapult.sweep.SweepRunner;
import catapult.sweep.SweepSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * train and what it tracks and reports (docs/language.md sections 7-9): train, ntk_eigs, loss_split,
 * agop_alignment, catapults, max_lr, phases, sweep and table.
 */
public final class TrainingBuiltins implements BuiltinProvider {

    private static final Type LOSS = Type.oneOf("mse", "half_sse", "half_mse");
    private static final Type ENGINE = new Type("string", "\"threads\", \"spark\" or a Spark master URL such as \"spark://host:7077\"",
            v -> v instanceof String s && SweepEngines.isKnown(s), v -> v);

    @Override
    public void register(BuiltinRegistry r) {
        r.describeCategory("training", "train, optimizers, learning-rate schedules, tracked metrics and regimes");
        r.describeCategory("tables", "sweeps over grids of settings and the tables they return");
        r.register(Builtin.define("train").category("training")
                .summary("Trains a model (in place) or a list of models in lockstep on the same batches, recording the tracked metrics.")
                .formula("w_{t+1} = w_t - lr(t) update(grad L_batch(w_t));  L = 1/n sum |f - y|^2 (mse) or 1/2 sum |f - y|^2 (half_sse)")
                .param("model", ModelValue.ONE_OR_MANY, "a model, or a list of models trained in lockstep")
                .param("data", DatasetValue.TYPE, "training data")
                .param("optimizer", OptimizerValue.TYPE, "gd(lr), sgd(lr, batch:), momentum, rmsprop, adagrad, adadelta or adam")
                .optional("steps", Type.NONNEGATIVE_INT, 100.0, "the most updates")
                .optional("until", Type.FUNCTION.orNone(), null, "stop when this holds; called after each update with {step, loss, latest metrics}")
                .optional("loss", LOSS, "mse", "\"mse\" (1/n sum |f-y|^2) or \"half_sse\" (1/2 sum |f-y|^2)")
                .optional("test", DatasetValue.TYPE.orNone(), null, "test data for test_loss and test_error")
                .optional("track", Type.LIST, List.of(), "metrics: names (\"test_loss\", \"crit_lr\", \"sharpness\", \"ntk_distance\", ...) or ntk_eigs(k), loss_split(s), sharpness(k), agop_alignment(G, x)")
                .optional("every", Type.POSITIVE_INT, 1.0, "steps between measurements of every-k metrics")
                .optional("loss_every", Type.POSITIVE_INT.orNone(), null,
                        "mini-batch optimizers: steps between full training-loss measurements (default: every when given, else once per epoch; 1 = after every update); run.batch_loss has every update's batch loss")
                .optional("seed", Type.INT, 0.0, "seed of the batch order")
                .returns("a run (a list of runs for a list of models); divergence is recorded in run.diverged, not an error")
                .example("let run = train(net, data, sgd(0.8, batch: 32), steps: 2000, track: [\"test_loss\", ntk_eigs(2)], every: 10, test: test)")
                .reference("docs/language.md section 8; thesis Chapters 3-4")
                .interruptible()
                .impl(TrainingBuiltins::train));
        r.register(Builtin.define("ntk_eigs").category("training").replayable()
                .summary("Tracked metric: the top k eigenvalues of the tangent kernel K_t on the training data (a rows x k series).")
                .formula("eig_1..k(K_t),  K_t = J(w_t) J(w_t)'")
                .param("k", Type.POSITIVE_INT, "how many eigenvalues")
                .returns("a metric for train's track:")
                .example("train(net, data, gd(1), track: [ntk_eigs(2)], every: 10)")
                .impl(a -> {
                    a.requireMemory(catapult.lang.builtins.MemoryBudget.count(a.number("k")) + " metric columns (argument 'k')",
                            200.0 * a.number("k"));
                    return new MetricValue(Metric.ntkEigs(a.integer("k")));
                }));
        r.register(Builtin.define("loss_split").category("training").replayable()
                .summary("Tracked metric: the loss of the residual projected on the top-s eigenvectors of K_t and on the rest (rows x 2).")
                .formula("L<=s = c/2 |P_s (f - y)|^2,  L>s = L - L<=s")
                .param("s", Type.POSITIVE_INT, "number of top eigenvectors")
                .returns("a metric for train's track:")
                .example("train(net, data, gd(relative(1.5)), track: [loss_split(5)])")
                .reference("thesis Eq. 4.2, Fig. 4.3")
                .impl(a -> new MetricValue(Metric.lossSplit(a.integer("s")))));
        r.register(Builtin.define("agop_alignment").category("training").replayable()
                .summary("Tracked metric: the alignment of the model's AGOP on x with a target AGOP.")
                .formula("cos(G(f_t), G*) = Tr(G'G*) / (|G|_F |G*|_F)")
                .param("gstar", Type.TENSOR, "the target's d x d EGOP (egop(target, x))")
                .param("x", Convert.DATA_OR_X, "inputs on which the model's AGOP is measured")
                .returns("a metric for train's track:")
                .example("train(net, data, sgd(0.5, batch: 10), track: [agop_alignment(egop(\"rank2\", test), test)], every: 50)")
                .reference("thesis Eq. 4.5-4.6")
                .impl(a -> new MetricValue(Metric.agopAlignment(a.array("gstar"), Convert.inputs(a.get("x"), null, a.site())))));
        registerAnalysis(r);
        registerTables(r);
    }

    private static void registerAnalysis(BuiltinRegistry r) {
        r.register(Builtin.define("catapults").category("training")
                .summary("Loss spikes of a run: an episode starts where the loss rises, peaks, and ends when it is back at its start; it counts when peak / start >= min_ratio.")
                .formula("start t: L(t+1) > L(t);  end: first e > t with L(e) <= L(t);  ratio = max L / L(t)")
                .param("run", RunValue.TYPE, "a run")
                .optional("min_ratio", Type.POSITIVE, Catapults.DEFAULT_MIN_RATIO, "smallest peak ratio that counts")
                .returns("a list of records {start, peak, end, ratio, start_loss, peak_loss} (+ lam_before, lam_after when ntk_eigs was tracked)")
                .example("catapults(run, min_ratio: 1.5)")
                .reference("docs/language.md section 8; thesis §3.3, §4.3")
                .impl(a -> RunValue.catapults(a.as("run", RunValue.class).run().catapults(a.number("min_ratio")))));
        r.register(Builtin.define("max_lr").category("training")
                .summary("The largest learning rate whose GD (or SGD) run on a copy of the model neither diverges nor ends above its initial loss, by bisection to 1%.")
                .formula("max { lr : run(lr) stable },  bracketed from eta_crit by doubling/halving")
                .param("model", ModelValue.TYPE, "the model (not changed)")
                .param("data", DatasetValue.TYPE, "training data")
                .optional("steps", Type.POSITIVE_INT, 200.0, "steps per trial run")
                .optional("batch", Type.POSITIVE_INT.orNone(), null, "SGD batch size; none for GD")
                .optional("loss", LOSS, "mse", "\"mse\" or \"half_sse\"")
                .returns("a number")
                .example("max_lr(quadratic(net), data) / critical_lr(net, data)   # about 2 for wide networks")
                .reference("thesis Theorem 3.3.1 (eta_max = 2 eta_crit)")
                .impl(a -> MaxLr.find(ModelValue.arg(a, "model"), DatasetValue.arg(a, "data"), a.integer("steps"),
                        a.isNone("batch") ? 0 : a.integer("batch"), OptimizerBuiltins.loss(a), 0)));
        r.register(Builtin.define("phases").category("training")
                .summary("Trains a copy per learning rate with GD and labels each \"monotone\", \"catapult\" or \"diverged\".")
                .formula("label: diverged if unstable, catapult if max_t L(t)/min_{s<=t} L(s) >= 2, else monotone")
                .param("model", ModelValue.TYPE, "the model (not changed)")
                .param("data", DatasetValue.TYPE, "training data")
                .param("lrs", Type.listOf(Type.NUMBER, "numbers").or(Type.of(catapult.lang.value.Tensor.class, "tensor")), "learning rates: a list or a tensor (e.g. [0.5, 1.5] * critical_lr(...))")
                .optional("steps", Type.POSITIVE_INT, 200.0, "steps per run")
                .optional("loss", LOSS, "mse", "\"mse\" or \"half_sse\"")
                .returns("a table: lr, lr_over_crit, label, peak_ratio, final_loss, lam_before, lam_after")
                .example("phases(quadratic(net), data, [0.5, 1, 1.5, 2.5] * critical_lr(net, data))")
                .reference("thesis §3.3")
                .impl(TrainingBuiltins::phases));
    }

    private static void registerTables(BuiltinRegistry r) {
        r.register(Builtin.define("sweep").category("tables")
                .summary("Runs body once per point of the grid's Cartesian product, in parallel (threads or Spark), and returns one row "
                        + "per point: the keys plus the body's record; with save: a rerun computes only the missing points.")
                .formula("rows = [ {point..., body(point)...} for point in product(grid) ]  (first key varies slowest)")
                .param("grid", Type.RECORD, "{name: list or range or value, ...}")
                .param("body", Type.FUNCTION, "cfg => record (a number becomes {value})")
                .optional("threads", Type.NONNEGATIVE_INT, 0.0, "worker threads of on: \"threads\"; 0 uses every core")
                .optional("on", ENGINE, "threads", "\"threads\" (this process), \"spark\" (an embedded Spark, all cores) or a Spark "
                        + "master URL (\"spark://host:7077\"); Spark gets the body and every value it uses by value (docs/scale.md)")
                .optional("save", Type.STRING.orNone(), null, "a .csv file: each finished row is appended at once (fsync); "
                        + "a rerun with the same file runs only the points it lacks")
                .optional("errors", Type.oneOf("fail", "record"), "fail", "\"fail\": the first failing point stops the sweep with its "
                        + "error and grid values; \"record\": keep going and put the message in the row's error column")
                .returns("a table, rows in grid order (a Ctrl-C keeps the rows that finished)")
                .example("fn point(cfg) = train(copy(net), data, sgd(cfg.lr, batch: 8), seed: cfg.seed).final\n"
                        + "sweep({lr: [0.1, 0.5], seed: 0..4}, point, errors: \"record\").mean_by(\"lr\")   "
                        + "# also on: \"spark\", save: \"points.csv\" (docs/scale.md)")
                .reference("docs/language.md section 9; docs/scale.md")
                .interruptible()
                .impl(TrainingBuiltins::sweep));
        r.register(Builtin.define("table").category("tables")
                .summary("A table from a list of records (columns in order of first appearance).")
                .param("rows", Type.listOf(Type.RECORD, "records"), "a list of records")
                .optional("keys", Type.LIST, List.of(), "columns that say which point a row is (grid keys such as seed), not what"
                        + " was measured: mean_by and std_by drop the ones they do not group by (a column named seed always is one)")
                .returns("a table")
                .example("table([{lr: 0.1, loss: 0.3}, {lr: 0.5, loss: 0.2}]).sort(\"loss\")")
                .impl(TrainingBuiltins::table));
    }

    // ---- train ----------------------------------------------------------------------------

    private static Object train(Args a) {
        boolean many = a.get("model") instanceof List;
        List<Model> models = ModelValue.list(a, "model");
        Dataset data = DatasetValue.arg(a, "data");
        Optimizer opt = a.as("optimizer", OptimizerValue.class).optimizer();
        List<Run> runs = Trainer.train(models, data, opt, config(a));
        if (!many) return new RunValue(runs.get(0));
        List<Object> out = new ArrayList<>();
        for (Run run : runs) out.add(new RunValue(run));
        return out;
    }

    private static TrainConfig config(Args a) {
        TrainConfig cfg = TrainConfig.defaults().withSteps(a.integer("steps")).withLoss(OptimizerBuiltins.loss(a))
                .withSeed(a.longValue("seed")).withTrack(metrics(a))
                .withProgress(TerminalHost.progress(a.session())).withInterrupt(a.session()::interruptPending);
        if (!a.isNone("test")) cfg = cfg.withTest(DatasetValue.arg(a, "test"));
        if (!a.isNone("loss_every")) cfg = cfg.withLossEvery(a.integer("loss_every"));
        if (a.given("every")) cfg = cfg.withEvery(a.integer("every"));
        if (!a.isNone("until")) {
            CatFunction until = a.function("until");
            cfg = cfg.withUntil(record -> Values.truthy(a.call(until, RunValue.record(record))));
        }
        return cfg;
    }

    private static List<Metric> metrics(Args a) {
        List<Metric> out = new ArrayList<>();
        for (Object v : a.list("track")) {
            if (v instanceof String s) out.add(Metric.named(s));
            else if (v instanceof MetricValue m) out.add(m.metric());
            else throw a.error("argument 'track' must list metric names or metrics such as ntk_eigs(2), got " + Values.typeName(v));
        }
        return out;
    }

    // ---- phases, sweep, table ---------------------------------------------------------------

    private static Object phases(Args a) {
        List<Double> lrs = new ArrayList<>();
        if (a.get("lrs") instanceof List<?> list) {
            for (Object v : list) lrs.add((Double) v);
        } else {
            for (double lr : a.array("lrs").reshape(-1).toDoubleVector()) lrs.add(lr);
        }
        Table t = Phases.classify(ModelValue.arg(a, "model"), DatasetValue.arg(a, "data"), lrs, a.integer("steps"),
                OptimizerBuiltins.loss(a));
        return new TableValue(t);
    }

    private static Object sweep(Args a) {
        double points = 1;
        for (Object v : a.record("grid").asMap().values()) points *= axisLength(v);
        a.requireMemory(catapult.lang.builtins.MemoryBudget.count(points) + " grid points (argument 'grid')", 2000.0 * points);
        Map<String, List<Object>> axes = new LinkedHashMap<>();
        a.record("grid").asMap().forEach((k, v) -> axes.put(k, axis(v)));
        Path save = a.isNone("save") ? null : UserFiles.writable(a.interp(), Path.of(a.string("save")), a.site());
        if (save != null) UserFiles.readable(a.interp(), save, a.site());
        SweepSettings settings = new SweepSettings(a.string("on"), save, a.string("errors").equals("record"), a.integer("threads"));
        Grid grid;
        try {
            grid = new Grid(axes);
        } catch (IllegalArgumentException e) {
            throw a.error(e.getMessage());
        }
        return new TableValue(new SweepRunner(a.session(), grid, a.function("body"), settings, a.site()).run());
    }

    private static double axisLength(Object v) {
        if (v instanceof List<?> list) return list.size();
        if (v instanceof CatValue.Sequence s && !(v instanceof catapult.lang.value.Tensor)) return s.length();
        return 1;
    }

    /** A grid axis: a list, a range or other sequence, or a single value. */
    private static List<Object> axis(Object v) {
        if (v instanceof List<?> list) return new ArrayList<>(list);
        if (v instanceof CatValue.Sequence s && !(v instanceof catapult.lang.value.Tensor)) {
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < s.length(); i++) out.add(s.get(i));
            return out;
        }
        return List.of(v);
    }

    private static Object table(Args a) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Object v : a.list("rows")) rows.add(((Record) v).asMap());
        Table t = Table.of(rows);
        List<String> keys = new ArrayList<>();
        for (Object k : a.list("keys")) {
            if (!(k instanceof String s) || !t.columns().contains(s)) {
                throw a.error("argument 'keys' must list column names of the table, got " + catapult.lang.value.Printer.repr(k)
                        + "; columns are " + t.columns());
            }
            keys.add(s);
        }
        return new TableValue(keys.isEmpty() ? t : t.withKeys(keys));
    }
}
