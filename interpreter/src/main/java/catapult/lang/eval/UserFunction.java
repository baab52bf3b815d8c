package catapult.lang.eval;

import catapult.lang.ast.Expr;
import catapult.lang.errors.RuntimeError;
import catapult.lang.resolve.Suggest;
import catapult.lang.syntax.Span;
import catapult.lang.value.CatFunction;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A function written in Catapult (`fn` or a lambda): parameters with defaults, a body, and the
 * scope it closes over. Arguments bind positionally, then by name; defaults are evaluated at
 * call time in the closure's scope.
 */
public final class UserFunction implements CatFunction {
    private final String name;
    private final List<Expr.Param> params;
    private final Expr.BlockExpr body;
    private final Environment closure;

    public UserFunction(String name, List<Expr.Param> params, Expr.BlockExpr body, Environment closure) {
        this.name = name;
        this.params = params;
        this.body = body;
        this.closure = closure;
    }

    @Override public String name() { return name; }

    public List<Expr.Param> params() { return params; }

    public int arity() { return params.size(); }

    /** The body (a lambda's expression is wrapped in a one-statement block spanning the lambda). */
    public Expr.BlockExpr body() { return body; }

    /** The scope the function closes over. */
    public Environment closure() { return closure; }

    @Override
    public Object call(Interpreter interp, List<Object> args, Map<String, Object> named, Span site) {
        Environment env = bind(interp, name, params, closure, args, named, site);
        return interp.callBody(this, body, env, site);
    }

    /** Binds arguments to parameters in a fresh scope under `parent` (shared with architectures). */
    static Environment bind(Interpreter interp, String name, List<Expr.Param> params, Environment parent,
                            List<Object> args, Map<String, Object> named, Span site) {
        if (args.size() > params.size()) {
            throw new RuntimeError(name + ": takes " + params.size() + " argument" + (params.size() == 1 ? "" : "s")
                    + ", got " + args.size(), site);
        }
        Environment env = new Environment(parent);
        Set<String> bound = new HashSet<>();
        for (int i = 0; i < args.size(); i++) {
            env.define(params.get(i).name(), args.get(i));
            bound.add(params.get(i).name());
        }
        List<String> names = params.stream().map(Expr.Param::name).toList();
        for (Map.Entry<String, Object> e : named.entrySet()) {
            if (!names.contains(e.getKey())) {
                String hint = Suggest.closest(e.getKey(), names).map(s -> " (did you mean '" + s + "'?)").orElse("");
                throw new RuntimeError(name + ": unknown argument '" + e.getKey() + "'" + hint, site);
            }
            if (!bound.add(e.getKey())) throw new RuntimeError(name + ": argument '" + e.getKey() + "' given twice", site);
            env.define(e.getKey(), e.getValue());
        }
        for (Expr.Param p : params) {
            if (bound.contains(p.name())) continue;
            if (p.defaultValue() == null) throw new RuntimeError(name + ": missing argument '" + p.name() + "'", site);
            env.define(p.name(), interp.evaluate(p.defaultValue(), env));
        }
        return env;
    }
}
