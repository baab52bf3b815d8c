package catapult.builtins;

import catapult.engine.graph.Network;
import catapult.engine.models.GeneralQuadraticModel;
import catapult.engine.models.LinearModel;
import catapult.engine.models.Model;
import catapult.engine.models.QuadraticModel;
import catapult.lang.codec.CallRecipe;
import catapult.lang.codec.CallRecipes;
import catapult.lang.codec.CodecExtension;
import catapult.lang.codec.ValueDecoder;
import catapult.lang.codec.ValueEncoder;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Ships models by value (for sweeps on Spark and {@code save}/{@code load}): a network as the
 * {@code init} call that built its structure plus its weights w and its w0; a linear or
 * quadratic model as its base network, its expansion point w0 and its weights; a general
 * quadratic model as its {@code quadratic(dim:, phi:, ...)} call plus w and w0. Weights are kept
 * bit for bit, so a reloaded model trains on exactly as the original would.
 */
public final class ModelCodec implements CodecExtension {

    @Override public List<String> tags() { return List.of("model"); }

    @Override public boolean handles(Object value) { return value instanceof ModelValue; }

    @Override public Object identity(Object value) { return ((ModelValue) value).model(); }

    @Override
    public Map<String, Object> encode(Object value, ValueEncoder enc) {
        Model m = ((ModelValue) value).model();
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("t", "model");
        if (m instanceof Network net) {
            out.put("kind", "network");
            out.put("init", enc.recipe(recipe(enc, net.program(), "a network")));
        } else if (m instanceof GeneralQuadraticModel g) {
            out.put("kind", "general_quadratic");
            out.put("quadratic", enc.recipe(recipe(enc, g.initialParams(), "a general quadratic model")));
        } else if (m instanceof LinearModel || m instanceof QuadraticModel) {
            out.put("kind", m instanceof LinearModel ? "linear" : "quadratic");
            out.put("base", enc.value(new ModelValue(m.base())));
        } else {
            throw enc.cannotShip("a " + m.describe() + " has no shippable form");
        }
        out.put("w0", enc.array(m.initialParams()));
        out.put("w", enc.array(m.params()));
        return out;
    }

    private static CallRecipe recipe(ValueEncoder enc, Object key, String what) {
        CallRecipe r = CallRecipes.of(key);
        if (r == null) throw enc.cannotShip(what + " whose making was not recorded");
        return r;
    }

    @Override
    public Object decode(Map<String, ?> in, ValueDecoder dec) {
        String kind = (String) in.get("kind");
        Model m = switch (kind == null ? "" : kind) {
            case "network" -> model(dec.replay((Map<?, ?>) in.get("init")));
            case "general_quadratic" -> model(dec.replay((Map<?, ?>) in.get("quadratic")));
            case "linear", "quadratic" -> taylor(kind, in, dec);
            default -> throw new IllegalArgumentException("not a valid Catapult value: unknown model kind '" + kind + "'");
        };
        if (m instanceof Network || m instanceof GeneralQuadraticModel) {
            assign(m.initialParams(), dec.array(in.get("w0")));
            assign(m.params(), dec.array(in.get("w")));
        }
        return new ModelValue(m);
    }

    private static Model taylor(String kind, Map<String, ?> in, ValueDecoder dec) {
        Model base = model(dec.value(in.get("base")));
        if (!(base instanceof Network net)) throw new IllegalArgumentException("not a valid Catapult value: a " + kind + " model needs a network");
        INDArray w0 = dec.array(in.get("w0"));
        INDArray w = dec.array(in.get("w"));
        return kind.equals("linear") ? LinearModel.restore(net, w0, w) : QuadraticModel.restore(net, w0, w);
    }

    private static Model model(Object v) {
        if (!(v instanceof ModelValue mv)) throw new IllegalArgumentException("not a valid Catapult value: expected a model");
        return mv.model();
    }

    private static void assign(INDArray target, INDArray stored) {
        if (target.length() != stored.length() || target.dataType() != stored.dataType()) {
            throw new IllegalArgumentException("not a valid Catapult value: stored weights (" + stored.length() + " "
                    + stored.dataType() + ") do not fit the rebuilt model (" + target.length() + " " + target.dataType() + ")");
        }
        target.assign(stored.reshape(target.shape()));
    }
}
