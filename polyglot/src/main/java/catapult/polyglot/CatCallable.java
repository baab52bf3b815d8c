package catapult.polyglot;

import catapult.lang.syntax.Span;
import catapult.lang.value.CatFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;

/**
 * A Catapult function seen from guest code: calling it converts the arguments, calls the
 * function in the session's interpreter and converts the result back; Catapult errors surface
 * as the guest's CatapultError. Passed back to Catapult it is the original function.
 */
final class CatCallable implements ProxyExecutable {
    private final CatFunction function;
    private final GuestContext owner;

    CatCallable(CatFunction function, GuestContext owner) {
        this.function = function;
        this.owner = owner;
    }

    CatFunction function() { return function; }

    @Override public Object execute(Value... arguments) {
        return HostCalls.run(owner, () -> {
            List<Object> args = new ArrayList<>(arguments.length);
            for (Value a : arguments) args.add(owner.values().toCatapult(a));
            return owner.session().call(function, args, Map.of(), Span.NONE);
        });
    }

    @Override public String toString() { return function.show(); }
}
