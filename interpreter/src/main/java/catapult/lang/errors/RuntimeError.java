package catapult.lang.errors;

import catapult.lang.syntax.Span;

/** An error while running: a bad argument, a type or shape mismatch, a failed assert, a bad file. */
public class RuntimeError extends CatapultError {
    public RuntimeError(String message, Span span) { super(message, span); }

    @Override public int exitCode() { return 70; }
}
