package catapult.polyglot;

import catapult.lang.errors.CatapultError;
import catapult.lang.errors.Interrupted;
import catapult.lang.errors.RuntimeError;
import catapult.lang.eval.Interpreter;
import catapult.lang.syntax.Span;
import catapult.lang.value.CatFunction;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;

/**
 * A JavaScript or Python function as a Catapult function: usable wherever Catapult takes a
 * function (regress targets, lr schedules, until predicates, map/filter). Arguments convert to
 * native guest values, the result back; a guest exception becomes a Catapult runtime error at
 * the call site naming the guest error and its position in the guest code.
 */
final class GuestFunction implements CatFunction {
    private volatile Value value;   // null once its context is closed
    private final GuestContext owner;

    GuestFunction(Value value, GuestContext owner) {
        this.value = value;
        this.owner = owner;
        owner.track(this);
    }

    /** The guest function; its context must be open. */
    Value value() {
        Value v = value;
        if (v == null) throw new IllegalStateException(closedMessage());
        return v;
    }

    /** Drops the guest value when its context closes, so the memory it held can be freed. */
    void release() { value = null; }

    private String closedMessage() {
        return name() + ": its " + owner.language().displayName() + " context was closed (the session was reset, "
                + "or guest code exceeded its memory limit); define the function again";
    }

    GuestContext context() { return owner; }

    @Override public String name() {
        return owner.language().id() + " function";
    }

    @Override
    public Object call(Interpreter interp, List<Object> args, Map<String, Object> named, Span site) {
        if (!named.isEmpty()) throw new RuntimeError(name() + ": named arguments are not supported; pass them positionally", site);
        if (owner.isClosed()) throw new RuntimeError(closedMessage(), site);
        try {
            return owner.enter(() -> {
                Object[] guestArgs = new Object[args.size()];
                for (int i = 0; i < guestArgs.length; i++) guestArgs[i] = owner.values().toGuest(args.get(i));
                return owner.values().toCatapult(value().execute(guestArgs));
            });
        } catch (PolyglotException e) {
            throw translate(e, site);
        } catch (GuestLimitExceeded e) {
            throw new RuntimeError(name() + ": " + e.getMessage(), site);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new RuntimeError(name() + ": " + e.getMessage(), site);
        }
    }

    private RuntimeException translate(PolyglotException e, Span site) {
        if (e.isHostException() && e.asHostException() instanceof CatapultError inner) return inner;
        if (e.isInterrupted() || e.isCancelled()) return new Interrupted(site);
        return new RuntimeError(name() + " failed: " + GuestErrors.describe(e), site);
    }

    @Override public String show() {
        return "<" + owner.language().id() + " fn>";
    }
}
