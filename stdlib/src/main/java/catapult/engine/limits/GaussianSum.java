package catapult.engine.limits;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A linear combination sum_k a_k g_k of dense pre-activations. In the infinite-width limit the
 * g_k of different keys are independent centered Gaussian processes, so such a sum is Gaussian
 * too: the argument an activation can be taken to the limit on.
 */
record GaussianSum(Map<NeuronKey, Double> terms) {
    static final GaussianSum ZERO = new GaussianSum(Map.of());

    GaussianSum {
        terms = Collections.unmodifiableMap(new TreeMap<>(terms));
    }

    static GaussianSum of(NeuronKey key) { return new GaussianSum(Map.of(key, 1.0)); }

    GaussianSum times(double c) {
        Map<NeuronKey, Double> out = new TreeMap<>();
        if (c != 0) terms.forEach((k, a) -> out.put(k, a * c));
        return new GaussianSum(out);
    }

    GaussianSum plus(GaussianSum o) {
        Map<NeuronKey, Double> out = new TreeMap<>(terms);
        o.terms.forEach((k, a) -> out.merge(k, a, Double::sum));
        out.values().removeIf(a -> a == 0.0);
        return new GaussianSum(out);
    }

    boolean isZero() { return terms.isEmpty(); }
}
