package catapult.builtins;

import catapult.engine.graph.Network;
import catapult.engine.models.Model;
import catapult.lang.builtins.Args;
import catapult.lang.builtins.Type;
import catapult.lang.eval.Interpreter;
import catapult.lang.syntax.Span;
import catapult.lang.value.CatFunction;
import catapult.lang.value.Record;
import catapult.lang.value.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A model as a language value: a network from `init`, or a linear / quadratic / general
 * quadratic model. Callable (`net(x)` gives n x k outputs); training changes it in place.
 */
public final class ModelValue implements CatFunction {
    public static final Type TYPE = Type.of(ModelValue.class, "model");
    /** A model, or a non-empty list of models (trained in lockstep); see {@link #list}. */
    public static final Type ONE_OR_MANY = TYPE.or(Type.nonEmptyListOf(TYPE, "models"));

    private final Model model;

    public ModelValue(Model model) { this.model = model; }

    public Model model() { return model; }

    /** The one place a model argument is unwrapped (the parameter is typed {@link #TYPE}). */
    public static Model arg(Args a, String name) {
        return ((ModelValue) a.get(name)).model();
    }

    /** The models of an argument typed {@link #ONE_OR_MANY}: one model, or each of the list's. */
    public static List<Model> list(Args a, String name) {
        Object v = a.get(name);
        if (v instanceof ModelValue m) return List.of(m.model());
        List<Model> models = new ArrayList<>();
        for (Object item : (List<?>) v) models.add(((ModelValue) item).model());
        return models;
    }

    @Override public String name() { return typeName(); }

    @Override public String typeName() { return model instanceof Network ? "network" : "model"; }

    @Override
    public Object call(Interpreter interp, List<Object> args, Map<String, Object> named, Span site) {
        if (args.size() != 1 || !named.isEmpty()) {
            throw new catapult.lang.errors.RuntimeError(typeName() + ": call it with one argument, the inputs: net(x)", site);
        }
        INDArray x = Convert.inputs(args.get(0), model, site);
        return new Tensor(model.predict(x));
    }

    @Override
    public Object field(String name) {
        switch (name) {
            case "params": return (double) model.paramCount();
            case "w": return new Tensor(model.params().dup());
            case "w0": return new Tensor(model.initialParams().dup());
            case "distance": return model.params().distance2(model.initialParams());
            case "base": return model.base() == null ? null : new ModelValue(model.base());
            case "outputs": return (double) model.outputCount();
            default:
        }
        if (model instanceof Network net) return networkField(net, name);
        return NO_FIELD;
    }

    private Object networkField(Network net, String name) {
        switch (name) {
            case "width": return (double) net.width();
            case "depth": return (double) net.depth();
            case "inputs": return (double) net.inputs();
            case "indegrees": return Record.of("min", (double) net.indegreeMin(), "max", (double) net.indegreeMax());
            case "summary": return new BoundMethod("summary", () -> summary(net));
            default: return NO_FIELD;
        }
    }

    private static Object summary(Network net) {
        List<Object> rows = new ArrayList<>();
        for (var row : net.summary()) rows.add(Convert.record(row));
        return Convert.table(rows);
    }

    @Override
    public List<String> fieldNames() {
        List<String> names = new ArrayList<>(List.of("params", "w", "w0", "distance", "base", "outputs"));
        if (model instanceof Network) names.addAll(List.of("width", "depth", "inputs", "indegrees", "summary"));
        return names;
    }

    @Override public String show() { return model.describe(); }

    @Override public Object toHost() { return model.describe(); }
}
