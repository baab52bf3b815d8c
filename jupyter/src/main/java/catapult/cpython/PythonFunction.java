package catapult.cpython;

import catapult.lang.errors.CatapultError;
import catapult.lang.errors.RuntimeError;
import catapult.lang.eval.Interpreter;
import catapult.lang.syntax.Span;
import catapult.lang.value.CatFunction;
import catapult.lang.value.Values;
import java.util.List;
import java.util.Map;

/** A Python function as a Catapult function; a Python exception becomes an error at the call site. */
final class PythonFunction implements CatFunction {
    private final String name;
    private final PythonCallback callback;

    PythonFunction(String name, PythonCallback callback) {
        this.name = name;
        this.callback = callback;
    }

    @Override public String name() { return name; }

    @Override public String show() { return "<python function " + name + ">"; }

    @Override
    public Object call(Interpreter interp, List<Object> args, Map<String, Object> named, Span site) {
        try {
            return Values.wrap(callback.invoke(args, named));
        } catch (CatapultError e) {
            throw e;
        } catch (RuntimeException e) {
            throw new RuntimeError("python function " + name + " failed: " + e.getMessage(), site);
        }
    }
}
