package catapult.lang.eval;

import catapult.lang.ast.Expr;
import catapult.lang.syntax.Span;
import catapult.lang.value.CatFunction;
import catapult.lang.value.Printer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An architecture template from an `arch` block. Calling it binds arguments and returns a new
 * template (`mlp(width: 512)`); `init` then runs the body once with a graph under
 * construction, which the graph builders (input, dense, ...) add to.
 */
public final class ArchValue implements CatFunction {
    private final String name;
    private final List<Expr.Param> params;
    private final Expr.BlockExpr body;
    private final Environment closure;
    private final List<Object> args;
    private final Map<String, Object> named;

    public ArchValue(String name, List<Expr.Param> params, Expr.BlockExpr body, Environment closure,
                     List<Object> args, Map<String, Object> named) {
        this.name = name;
        this.params = params;
        this.body = body;
        this.closure = closure;
        this.args = args;
        this.named = named;
    }

    @Override public String name() { return name; }

    @Override public String typeName() { return "architecture"; }

    /** Binds (more) arguments; later ones override earlier ones of the same name. */
    @Override
    public Object call(Interpreter interp, List<Object> newArgs, Map<String, Object> newNamed, Span site) {
        Map<String, Object> merged = new LinkedHashMap<>(named);
        for (int i = 0; i < newArgs.size() && i < params.size(); i++) merged.put(params.get(i).name(), newArgs.get(i));
        if (newArgs.size() > params.size()) {
            throw new catapult.lang.errors.RuntimeError(name + ": takes " + params.size() + " arguments, got " + newArgs.size(), site);
        }
        merged.putAll(newNamed);
        UserFunction.bind(interp, name, params, closure, List.of(), merged, site);
        return new ArchValue(name, params, body, closure, List.of(), merged);
    }

    /**
     * Runs the body once. The caller (the `init` built-in) has installed the graph under
     * construction with {@link Interpreter#withArchContext}.
     */
    public void instantiate(Interpreter interp, Span site) {
        Environment env = UserFunction.bind(interp, name, params, closure, args, named, site);
        interp.callBody(this, body, env, site);
    }

    public List<Expr.Param> params() { return params; }

    public Expr.BlockExpr body() { return body; }

    /** The scope the `arch` block closes over. */
    public Environment closure() { return closure; }

    /** The arguments bound positionally (calls merge them into {@link #arguments()}). */
    public List<Object> positionalArguments() { return args; }

    /** The bound arguments, for network summaries. */
    public Map<String, Object> arguments() { return named; }

    @Override public String show() {
        StringBuilder s = new StringBuilder("<arch ").append(name);
        if (!named.isEmpty()) {
            s.append('(');
            boolean first = true;
            for (Map.Entry<String, Object> e : named.entrySet()) {
                if (!first) s.append(", ");
                first = false;
                s.append(e.getKey()).append(": ").append(Printer.repr(e.getValue()));
            }
            s.append(')');
        }
        return s.append('>').toString();
    }
}
