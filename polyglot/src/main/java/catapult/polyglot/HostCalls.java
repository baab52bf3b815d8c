package catapult.polyglot;

import catapult.lang.errors.CatapultError;
import java.util.function.Supplier;
import org.graalvm.polyglot.PolyglotException;

/**
 * The one way guest code enters Catapult: runs a call in the session's interpreter, converts its
 * result for the guest, and turns every user error into the guest's CatapultError whose message
 * is the formatted diagnostic (`file:line:col: message`, source line, caret), so a Python
 * `except catapult.Error` or a JS `catch` sees the position.
 */
final class HostCalls {
    private HostCalls() {}

    static Object run(GuestContext owner, Supplier<Object> call) {
        String message;
        try {
            return owner.inHost(() -> owner.values().toGuest(call.get()));
        } catch (PolyglotException e) {
            throw e; // a guest exception from a nested guest call: let it continue unchanged
        } catch (CatapultError e) {
            message = e.format();
        } catch (IllegalArgumentException | IllegalStateException | UnsupportedOperationException e) {
            message = String.valueOf(e.getMessage());
        }
        throw owner.values().fail(message);
    }
}
