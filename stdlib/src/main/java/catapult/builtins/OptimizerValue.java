package catapult.builtins;

import catapult.engine.train.Optimizer;
import catapult.lang.builtins.Type;
import catapult.lang.value.CatValue;
import java.util.List;

/** An optimizer as a language value (`sgd(0.5, batch: 32)`): what `train` takes. */
public final class OptimizerValue implements CatValue {
    public static final Type TYPE = Type.of(OptimizerValue.class, "optimizer");

    private final Optimizer optimizer;

    public OptimizerValue(Optimizer optimizer) { this.optimizer = optimizer; }

    public Optimizer optimizer() { return optimizer; }

    @Override public String typeName() { return "optimizer"; }

    @Override public String show() { return optimizer.toString(); }

    @Override
    public Object field(String name) {
        switch (name) {
            case "name": return optimizer.name();
            case "lr": return optimizer.lr().toString();
            case "batch": return optimizer.batch() == 0 ? null : (double) optimizer.batch();
            default:
                Double h = optimizer.hyperparameters().get(name);
                return h == null ? NO_FIELD : h;
        }
    }

    @Override
    public List<String> fieldNames() {
        List<String> names = new java.util.ArrayList<>(List.of("name", "lr", "batch"));
        names.addAll(optimizer.hyperparameters().keySet());
        return names;
    }

    @Override public Object toHost() { return optimizer.toString(); }
}
