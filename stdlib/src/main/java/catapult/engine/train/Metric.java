package catapult.engine.train;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A quantity tracked during training (docs/language.md section 8). A metric is either measured once
 * per update, before it, at the parameters it starts from ({@link Cadence#UPDATE}: lr,
 * crit_lr_batch, grad_norm) or every {@code every} steps and at the last step
 * ({@link Cadence#EVERY}: the rest). "loss" and "lr" are always tracked.
 */
public final class Metric {

    /** When a metric is measured. */
    public enum Cadence { STEP, UPDATE, EVERY }

    /** Names accepted by {@link #named}. */
    public static final List<String> NAMES = List.of("loss", "batch_loss", "lr", "test_loss", "test_error", "crit_lr",
            "crit_lr_batch", "kernel_change", "distance", "grad_norm", "sharpness", "ntk_distance");

    private final String name;
    private final List<String> columns;
    private final Cadence cadence;
    private final MetricMeasure measure;
    private final int eigenpairs;
    private final boolean needsTest;

    private Metric(String name, List<String> columns, Cadence cadence, MetricMeasure measure, int eigenpairs,
                   boolean needsTest) {
        this.name = name;
        this.columns = List.copyOf(columns);
        this.cadence = cadence;
        this.measure = measure;
        this.eigenpairs = eigenpairs;
        this.needsTest = needsTest;
    }

    /** A metric by its string name: "loss", "lr", "test_loss", "test_error", "crit_lr", ... */
    public static Metric named(String name) {
        return switch (name) {
            case "loss", "batch_loss" -> new Metric(name, List.of(name), Cadence.STEP, null, 0, false);
            case "lr" -> new Metric(name, List.of(name), Cadence.UPDATE, s -> new double[] {s.currentLr()}, 0, false);
            case "test_loss" -> every(name, s -> new double[] {s.testLoss()}, true);
            case "test_error" -> every(name, s -> new double[] {s.testError()}, true);
            case "crit_lr" -> every(name, s -> new double[] {s.criticalLr()}, false);
            case "kernel_change" -> every(name, s -> new double[] {s.kernels().kernelChange()}, false);
            case "distance" -> every(name, s -> new double[] {s.distance()}, false);
            case "crit_lr_batch" -> new Metric(name, List.of(name), Cadence.UPDATE, s -> new double[] {s.batchCriticalLr()}, 0, false);
            case "grad_norm" -> new Metric(name, List.of(name), Cadence.UPDATE, s -> new double[] {s.gradientNorm()}, 0, false);
            case "sharpness" -> every(name, TheoryMetrics.sharpness(1), false);
            case "ntk_distance" -> every(name, TheoryMetrics.ntkDistance(), false);
            default -> throw new IllegalArgumentException("unknown metric '" + name + "'" + suggestion(name)
                    + "; known metrics are " + NAMES + ", ntk_eigs(k), loss_split(s), sharpness(k) and agop_alignment(gstar, x)");
        };
    }

    /** The top k eigenvalues of the tangent kernel K_t on the training data (a row of k per point). */
    public static Metric ntkEigs(int k) {
        List<String> cols = new ArrayList<>();
        for (int i = 0; i < k; i++) cols.add("ntk_eigs_" + i);
        return new Metric("ntk_eigs", cols, Cadence.EVERY, s -> s.kernels().topEigenvalues(k), k, false);
    }

    /**
     * The loss split by the top-s eigenvectors of K_t (thesis Eq. 4.2): L<=s from the residual
     * projected on them, L>s from the rest; the two add up to the loss.
     */
    public static Metric lossSplit(int s) {
        return new Metric("loss_split", List.of("loss_top", "loss_rest"), Cadence.EVERY,
                st -> st.kernels().lossSplit(s), s, false);
    }

    /** The top k eigenvalues of the training loss's Hessian (a row of k per point). */
    public static Metric sharpness(int k) {
        List<String> cols = new ArrayList<>();
        for (int i = 0; i < k; i++) cols.add("sharpness_" + i);
        return new Metric("sharpness", cols, Cadence.EVERY, TheoryMetrics.sharpness(k), 0, false);
    }

    /** cos(AGOP of the model on x, gstar) (thesis Eq. 4.6). */
    public static Metric agopAlignment(INDArray gstar, INDArray x) {
        return every("agop_alignment", s -> new double[] {s.agopAlignment(gstar, x)}, false);
    }

    /** " (did you mean 'test_loss'?)" for a near miss, else "". */
    private static String suggestion(String name) {
        List<String> all = new ArrayList<>(NAMES);
        all.addAll(List.of("ntk_eigs", "loss_split", "agop_alignment"));
        String best = null;
        int bestDistance = 3;
        for (String known : all) {
            int d = editDistance(name, known);
            if (d < bestDistance) {
                best = known;
                bestDistance = d;
            }
        }
        return best == null ? "" : " (did you mean '" + best + "'?)";
    }

    private static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            int[] cur = new int[b.length() + 1];
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j], cur[j - 1]) + 1);
            }
            prev = cur;
        }
        return prev[b.length()];
    }

    private static Metric every(String name, MetricMeasure m, boolean needsTest) {
        return new Metric(name, List.of(name), Cadence.EVERY, m, 0, needsTest);
    }

    public String name() { return name; }

    /** Value names of one row (CSV and table columns). */
    public List<String> columns() { return columns; }

    public Cadence cadence() { return cadence; }

    /** True when the metric needs a test dataset. */
    public boolean needsTest() { return needsTest; }

    /** How many kernel eigenpairs the metric needs (0 for none). */
    int eigenpairs() { return eigenpairs; }

    double[] measure(ModelTraining state) { return measure.measure(state); }

    @Override
    public String toString() {
        return switch (name) {
            case "ntk_eigs" -> "ntk_eigs(" + eigenpairs + ")";
            case "loss_split" -> "loss_split(" + eigenpairs + ")";
            case "sharpness" -> columns.equals(List.of(name)) ? name : "sharpness(" + columns.size() + ")";
            default -> name;
        };
    }

    /** The measurement itself, given the training state of one model. */
    @FunctionalInterface
    interface MetricMeasure {
        double[] measure(ModelTraining state);
    }
}
