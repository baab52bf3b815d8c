package catapult.lang.codec;

import catapult.lang.errors.RuntimeError;
import catapult.lang.syntax.Span;

/**
 * A value that cannot leave its process (a plot, a run, a graph node, an open guest object),
 * reported at the use of the variable that holds it: "sweep: cannot ship 'p' (captured by the
 * body): a plot cannot be shipped to another process".
 */
public final class UnshippableValue extends RuntimeError {
    public UnshippableValue(String message, Span span) { super(message, span); }
}
