package catapult.builtins;

import catapult.lang.eval.Interpreter;
import catapult.lang.syntax.Span;
import catapult.lang.value.CatFunction;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** A no-argument method of a value, returned by its field so that `v.summary()` works. */
public final class BoundMethod implements CatFunction {
    private final String name;
    private final Supplier<Object> body;

    public BoundMethod(String name, Supplier<Object> body) {
        this.name = name;
        this.body = body;
    }

    @Override public String name() { return name; }

    @Override
    public Object call(Interpreter interp, List<Object> args, Map<String, Object> named, Span site) {
        if (!args.isEmpty() || !named.isEmpty()) {
            throw new catapult.lang.errors.RuntimeError(name + "() takes no arguments", site);
        }
        return body.get();
    }
}
