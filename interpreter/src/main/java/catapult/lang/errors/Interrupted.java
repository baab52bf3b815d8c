package catapult.lang.errors;

import catapult.lang.syntax.Span;

/** The user pressed Ctrl-C (or the host interrupted): evaluation stops at the next check. */
public final class Interrupted extends RuntimeError {
    public Interrupted(Span span) { super("interrupted", span); }

    @Override public int exitCode() { return 130; }
}
