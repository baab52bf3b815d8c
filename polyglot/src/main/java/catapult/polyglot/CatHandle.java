package catapult.polyglot;

import catapult.lang.builtins.Builtin;
import catapult.lang.syntax.Span;
import catapult.lang.value.CatFunction;
import catapult.lang.value.CatValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;

/**
 * A Catapult value without a plain guest form (dataset, network, optimizer, architecture) seen
 * from guest code: `h.field` reads a field (converted), `h.f(args)` calls the built-in
 * `f(h, args)` as Catapult's method syntax does, and passing it back to Catapult gives the
 * original value. It prints as Catapult shows the value (`toString()` in JavaScript). Callable
 * values (a network: `net(x)`) can be called.
 */
final class CatHandle implements ProxyObject, ProxyExecutable {
    private final CatValue value;
    private final GuestContext owner;

    CatHandle(CatValue value, GuestContext owner) {
        this.value = value;
        this.owner = owner;
    }

    CatValue value() { return value; }

    @Override public Object getMember(String key) {
        Object field = value.field(key);
        if (field != CatValue.NO_FIELD) return HostCalls.run(owner, () -> field);
        if (key.equals("toString")) return (ProxyExecutable) args -> value.show();
        Builtin method = owner.session().registry().get(key);
        if (method == null) return null;
        return (ProxyExecutable) args -> HostCalls.run(owner, () -> {
            List<Object> positional = new ArrayList<>(args.length + 1);
            positional.add(value);
            for (Value a : args) positional.add(owner.values().toCatapult(a));
            return owner.session().call(method, positional, Map.of(), Span.NONE);
        });
    }

    @Override public Object getMemberKeys() { return ProxyArray.fromList(new ArrayList<>(value.fieldNames())); }

    @Override public boolean hasMember(String key) {
        return value.field(key) != CatValue.NO_FIELD || key.equals("toString") || owner.session().registry().has(key);
    }

    @Override public void putMember(String key, Value v) {
        throw new UnsupportedOperationException("a Catapult " + value.typeName() + " is read-only");
    }

    @Override public Object execute(Value... args) {
        if (!(value instanceof CatFunction f)) throw new UnsupportedOperationException("a Catapult " + value.typeName() + " is not callable");
        return new CatCallable(f, owner).execute(args);
    }

    @Override public String toString() { return value.show(); }
}
