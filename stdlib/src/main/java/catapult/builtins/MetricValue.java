package catapult.builtins;

import catapult.engine.train.Metric;
import catapult.lang.builtins.Type;
import catapult.lang.value.CatValue;

/** A tracked metric with arguments (`ntk_eigs(2)`, `loss_split(5)`, `agop_alignment(G, x)`) for `track:`. */
public final class MetricValue implements CatValue {
    public static final Type TYPE = Type.of(MetricValue.class, "metric");

    private final Metric metric;

    public MetricValue(Metric metric) { this.metric = metric; }

    public Metric metric() { return metric; }

    @Override public String typeName() { return "metric"; }

    @Override public String show() { return metric.toString(); }

    @Override public Object toHost() { return metric.toString(); }
}
