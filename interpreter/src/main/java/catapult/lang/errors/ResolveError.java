package catapult.lang.errors;

import catapult.lang.syntax.Span;

/** A name that is not defined where it is used, found before the program runs. */
public final class ResolveError extends CatapultError {
    public ResolveError(String message, Span span) { super(message, span); }

    @Override public int exitCode() { return 65; }
}
