package catapult.lang.errors;

import catapult.lang.syntax.Span;

/** Input that does not parse. `incomplete` is true when the input merely ended too early. */
public final class SyntaxError extends CatapultError {
    private final boolean incomplete;

    public SyntaxError(String message, Span span, boolean incomplete) {
        super(message, span);
        this.incomplete = incomplete;
    }

    /** True when more input could make this parse (open bracket, string or block at the end). */
    public boolean incomplete() { return incomplete; }

    @Override public int exitCode() { return 65; }
}
