package catapult.engine.train;

import catapult.engine.io.AtomicWrite;
import catapult.engine.table.JsonText;
import catapult.engine.table.NumberText;
import catapult.engine.table.Table;
import catapult.engine.kernels.Loss;
import catapult.engine.models.Model;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The result of training one model: its series (aligned as in docs/language.md section 8), how it
 * stopped, its catapults, and the trained model itself. Divergence and interruption are
 * outcomes recorded here, never exceptions.
 *
 * <p>Alignment: {@code loss} is the full training loss at the steps {@link #when}("loss"):
 * every step for full-batch GD (steps + 1 entries), every loss_every steps plus the last for
 * mini-batch runs; per-update series ({@code batch_loss}, {@code lr}, {@code crit_lr_batch},
 * {@code grad_norm}) have one entry per update, measured before it; every-k series have entries
 * at {@link #when}. When a run diverges at step t the loss series ends with that (non-finite or
 * exploded) loss and the last step is not tracked.
 */
public final class Run {

    /** Why a run stopped. */
    public enum Stop { STEPS, UNTIL, DIVERGED, INTERRUPTED }

    private final Model model;
    private final int steps;
    private final Map<String, Series> series;
    private final Stop stop;
    private final int divergedAt;
    private final Loss loss;
    private final String optimizer;
    private final double seconds;

    Run(Model model, int steps, Map<String, Series> series, Stop stop, int divergedAt, Loss loss, String optimizer,
        double seconds) {
        this.model = model;
        this.steps = steps;
        this.series = Collections.unmodifiableMap(new LinkedHashMap<>(series));
        this.stop = stop;
        this.divergedAt = divergedAt;
        this.loss = loss;
        this.optimizer = optimizer;
        this.seconds = seconds;
    }

    /** The trained model (trained in place: the same object that was passed to train). */
    public Model model() { return model; }

    /** Number of updates made. */
    public int steps() { return steps; }

    public Stop stop() { return stop; }

    public boolean diverged() { return stop == Stop.DIVERGED; }

    /** The step whose loss diverged, or -1. */
    public int divergedAt() { return divergedAt; }

    public boolean interrupted() { return stop == Stop.INTERRUPTED; }

    public Loss loss() { return loss; }

    public String optimizer() { return optimizer; }

    /** Wall time of the run in seconds. */
    public double seconds() { return seconds; }

    /** Names of the recorded series, "loss" first. */
    public List<String> seriesNames() { return List.copyOf(series.keySet()); }

    public boolean has(String name) { return series.containsKey(name); }

    public Series series(String name) {
        Series s = series.get(name);
        if (s == null) {
            throw new IllegalArgumentException("the run has no series '" + name + "'; it tracked " + series.keySet());
        }
        return s;
    }

    /** A series as a tensor: a vector for scalars, rows x k for ntk_eigs(k), rows x 2 for loss_split. */
    public INDArray array(String name) { return series(name).toArray(); }

    /** The steps t at which a series was measured. */
    public int[] when(String name) { return series(name).when(); }

    /** The measured full losses as doubles (at {@code when("loss")}; every step for GD). */
    public double[] lossCurve() { return series("loss").column(0); }

    /** The last value of every series plus the step count: {steps, loss, lr, ...}. */
    public Map<String, Object> finalValues() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("steps", steps);
        for (Series s : series.values()) {
            double[] last = s.last();
            if (last != null) out.put(s.name(), last.length == 1 ? (Object) last[0] : last);
        }
        out.put("diverged", diverged());
        return out;
    }

    /** The smallest finite value of a scalar series (losses and errors: lower is better); NaN if none. */
    public double best(String name) {
        int i = bestIndex(name);
        return i < 0 ? Double.NaN : series(name).row(i)[0];
    }

    /** The step at which {@link #best} is reached, or -1. */
    public int bestStep(String name) {
        int i = bestIndex(name);
        return i < 0 ? -1 : series(name).stepAt(i);
    }

    private int bestIndex(String name) {
        Series s = series(name);
        if (s.width() != 1) throw new IllegalArgumentException("series '" + name + "' is not scalar (it has several columns)");
        double[] v = s.column(0);
        int best = -1;
        for (int i = 0; i < v.length; i++) {
            if (Double.isFinite(v[i]) && (best < 0 || v[i] < v[best])) best = i;
        }
        return best;
    }

    /** CatapultEpisode episodes with peak ratio >= 2. */
    public List<CatapultEpisode> catapults() { return catapults(Catapults.DEFAULT_MIN_RATIO); }

    /** CatapultEpisode episodes with peak ratio >= minRatio, with lambda_1 attached when ntk_eigs was tracked. */
    public List<CatapultEpisode> catapults(double minRatio) {
        List<CatapultEpisode> found = Catapults.detect(when("loss"), lossCurve(), minRatio);
        return has("ntk_eigs") ? Catapults.attachEigenvalues(found, series("ntk_eigs")) : found;
    }

    /** One row per step t = 0..steps: step, loss, and every other series' value at t (none where not measured). */
    public Table table() {
        List<String> columns = new ArrayList<>(List.of("step"));
        for (Series s : series.values()) columns.addAll(s.columns());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int t = 0; t <= steps; t++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("step", t);
            rows.add(row);
        }
        for (Series s : series.values()) {
            for (int i = 0; i < s.size(); i++) {
                double[] values = s.row(i);
                Map<String, Object> row = rows.get(s.stepAt(i));
                for (int c = 0; c < values.length; c++) row.put(s.columns().get(c), values[c]);
            }
        }
        return new Table(columns, rows).withKeys(List.of("step"));
    }

    /** Writes the run as .csv (its table) or .json (series with their steps, status and catapults). */
    public void save(Path path) {
        String name = path.getFileName().toString().toLowerCase();
        if (name.endsWith(".csv")) {
            table().save(path);
            return;
        }
        if (!name.endsWith(".json")) {
            throw new IllegalArgumentException("cannot save a run as '" + path.getFileName() + "': use a .csv or .json file name");
        }
        try {
            AtomicWrite.writeText(path, w -> {
                JsonText.write(toMap(), w);
                w.write("\n");
            });
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write run to " + path + ": " + e.getMessage(), e);
        }
    }

    /** Everything about the run as nested records (the JSON form). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", model.describe());
        m.put("optimizer", optimizer);
        m.put("loss", loss.dslName());
        m.put("steps", steps);
        m.put("stop", stop.name().toLowerCase());
        m.put("diverged", diverged());
        m.put("diverged_at", diverged() ? divergedAt : null);
        m.put("seconds", seconds);
        Map<String, Object> all = new LinkedHashMap<>();
        for (Series s : series.values()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("when", s.when());
            one.put("columns", s.columns());
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < s.size(); i++) values.add(s.width() == 1 ? (Object) s.row(i)[0] : s.row(i));
            one.put("values", values);
            all.put(s.name(), one);
        }
        m.put("series", all);
        m.put("catapults", catapults().stream().map(CatapultEpisode::toMap).toList());
        return m;
    }

    /** One line, e.g. "run(gd(lr=0.5), 200 steps, loss 0.98 -> 0.0012)". */
    @Override
    public String toString() {
        double[] l = lossCurve();
        StringBuilder s = new StringBuilder("run(").append(optimizer).append(", ").append(steps).append(" steps, loss ")
                .append(NumberText.number(l[0])).append(" -> ").append(NumberText.number(l[l.length - 1]));
        if (diverged()) s.append(", diverged at ").append(divergedAt);
        if (interrupted()) s.append(", interrupted");
        if (stop == Stop.UNTIL) s.append(", stopped by until");
        return s.append(')').toString();
    }
}
