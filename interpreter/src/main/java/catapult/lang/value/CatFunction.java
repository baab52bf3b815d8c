package catapult.lang.value;

import catapult.lang.eval.Interpreter;
import catapult.lang.syntax.Span;
import java.util.List;
import java.util.Map;

/** Anything callable from Catapult code: user functions, lambdas, built-ins, guest functions. */
public interface CatFunction extends CatValue {
    /** Calls with positional then named arguments; site is the call's span, for errors. */
    Object call(Interpreter interp, List<Object> args, Map<String, Object> named, Span site);

    /** Name for messages ("<lambda>" for lambdas). */
    String name();

    @Override default String typeName() { return "function"; }

    @Override default String show() { return "<fn " + name() + ">"; }
}
