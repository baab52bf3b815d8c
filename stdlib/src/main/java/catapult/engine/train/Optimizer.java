package catapult.engine.train;

import catapult.engine.table.NumberText;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An optimizer value: a learning rate (number or schedule), a mini-batch size and an update rule.
 * Immutable and shareable: the per-model moments live in the {@link UpdateRule.Stepper} each
 * training run creates, so one optimizer can drive many models (lockstep lists, sweeps).
 *
 * <p>{@code batch == 0} means full batch (gradient descent); a batch at least the dataset size is
 * also full batch.
 */
public final class Optimizer {

    private final String name;
    private final LrSchedule lr;
    private final int batch;
    private final UpdateRule rule;
    private final Map<String, Double> hyper;

    private Optimizer(String name, LrSchedule lr, int batch, UpdateRule rule, Map<String, Double> hyper) {
        java.util.Objects.requireNonNull(lr, "lr");
        this.name = name;
        this.lr = lr;
        this.batch = batch;
        this.rule = rule;
        this.hyper = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(hyper));
    }

    /** Full-batch gradient descent: w -= lr grad L. */
    public static Optimizer gd(LrSchedule lr) {
        return new Optimizer("gd", lr, 0, UpdateRules.plain(), Map.of());
    }

    /** Mini-batch SGD without replacement, reshuffled each epoch. */
    public static Optimizer sgd(LrSchedule lr, int batch) {
        return new Optimizer("sgd", lr, batch, UpdateRules.plain(), Map.of());
    }

    /** Heavy-ball momentum: v = beta v + g, w -= lr v. {@code batch} 0 is full batch. */
    public static Optimizer momentum(LrSchedule lr, double beta, int batch) {
        return new Optimizer("momentum", lr, batch, UpdateRules.momentum(beta), Map.of("beta", beta));
    }

    /** RMSprop: s = rho s + (1 - rho) g^2, w -= lr g / (sqrt(s) + eps). */
    public static Optimizer rmsprop(LrSchedule lr, double rho, double eps, int batch) {
        return new Optimizer("rmsprop", lr, batch, UpdateRules.rmsprop(rho, eps), ordered("rho", rho, "eps", eps));
    }

    /** Adagrad: s += g^2, w -= lr g / (sqrt(s) + eps). */
    public static Optimizer adagrad(LrSchedule lr, double eps, int batch) {
        return new Optimizer("adagrad", lr, batch, UpdateRules.adagrad(eps), Map.of("eps", eps));
    }

    /** Adadelta (lr is a multiplier, 1 in Zeiler's paper). */
    public static Optimizer adadelta(LrSchedule lr, double rho, double eps, int batch) {
        return new Optimizer("adadelta", lr, batch, UpdateRules.adadelta(rho, eps), ordered("rho", rho, "eps", eps));
    }

    /** Adam with bias correction. */
    public static Optimizer adam(LrSchedule lr, double b1, double b2, double eps, int batch) {
        Map<String, Double> h = new LinkedHashMap<>(ordered("b1", b1, "b2", b2));
        h.put("eps", eps);
        return new Optimizer("adam", lr, batch, UpdateRules.adam(b1, b2, eps), h);
    }

    /** The same optimizer with another learning rate (used by max_lr, phases and sweeps). */
    public Optimizer withLr(LrSchedule newLr) {
        return new Optimizer(name, newLr, batch, rule, hyper);
    }

    public String name() { return name; }

    public LrSchedule lr() { return lr; }

    /** Mini-batch size; 0 for full batch. */
    public int batch() { return batch; }

    public UpdateRule rule() { return rule; }

    /** Hyperparameters other than lr and batch, e.g. {beta: 0.9}. */
    public Map<String, Double> hyperparameters() { return hyper; }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(name).append("(lr=").append(lr);
        if (batch > 0) s.append(", batch=").append(batch);
        hyper.forEach((k, v) -> s.append(", ").append(k).append('=').append(NumberText.number(v)));
        return s.append(')').toString();
    }

    private static Map<String, Double> ordered(String k1, double v1, String k2, double v2) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        return m;
    }
}
