package catapult.api;

import catapult.lang.errors.CatapultError;

/**
 * A Catapult error seen from a Java host. getMessage() is the full formatted diagnostic
 * (`file:line:col: message`, source line, caret) so hosts can show it as is.
 */
public final class CatapultException extends RuntimeException {
    private final transient CatapultError error;

    public CatapultException(CatapultError error) {
        super(error.format(), null, false, false);
        this.error = error;
    }

    public CatapultException(String message) {
        super(message, null, false, false);
        this.error = null;
    }

    /** The language error, or null for host-side misuse. */
    public CatapultError error() { return error; }

    /** `file:line:col` of the error, or "" when it has no position. */
    public String location() {
        return error == null || error.span() == null || error.span().line() <= 0 ? "" : error.span().location();
    }
}
