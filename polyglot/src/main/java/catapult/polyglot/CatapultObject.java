package catapult.polyglot;

import catapult.lang.session.Session;
import catapult.lang.syntax.Span;
import catapult.lang.value.CatFunction;
import catapult.lang.value.Record;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;

/**
 * The host half of the guest-visible `catapult` object: eval(source, name), run(path),
 * call(name, args, named), get(name), set(name, value). The guest-language kit wraps it in a
 * native object (Python kwargs become named arguments; JS uses catapult.named({...})).
 */
final class CatapultObject implements ProxyObject {
    private static final List<String> MEMBERS = List.of("eval", "run", "call", "get", "set");
    private final GuestContext owner;

    CatapultObject(GuestContext owner) { this.owner = owner; }

    /** The session as guest code sees it: files confined to the guest policy. */
    private Session session() { return owner.session(); }

    @Override public Object getMember(String key) {
        return switch (key) {
            case "eval" -> (ProxyExecutable) a -> HostCalls.run(owner, () -> session().run(string(a, 0, "source"), name(a)));
            case "run" -> (ProxyExecutable) a -> HostCalls.run(owner, () -> session().runFile(Path.of(string(a, 0, "path"))));
            case "call" -> (ProxyExecutable) a -> HostCalls.run(owner, () -> call(a));
            case "get" -> (ProxyExecutable) a -> HostCalls.run(owner, () -> get(string(a, 0, "name")));
            case "set" -> (ProxyExecutable) a -> HostCalls.run(owner, () -> set(a));
            default -> null;
        };
    }

    private static String string(Value[] a, int i, String what) {
        if (a.length <= i || !a[i].isString()) throw new IllegalArgumentException("catapult: expected a string " + what);
        return a[i].asString();
    }

    private static String name(Value[] a) {
        return a.length > 1 && a[1].isString() ? a[1].asString() : "<eval>";
    }

    private Object call(Value[] a) {
        String name = string(a, 0, "function name");
        CatFunction fn = function(name);
        List<Object> args = a.length > 1 ? listArg(a[1]) : List.of();
        Map<String, Object> named = a.length > 2 && !a[2].isNull() ? recordArg(a[2]).asMap() : Map.of();
        session().interrupts().clear();
        return session().call(fn, args, named, Span.NONE);
    }

    private CatFunction function(String name) {
        Object f = session().lookup(name);
        if (f instanceof CatFunction fn) return fn;
        throw new IllegalArgumentException(f == null ? "catapult.call: no function named '" + name + "'"
                : "catapult.call: '" + name + "' is a " + catapult.lang.value.Values.typeName(f) + ", not a function");
    }

    @SuppressWarnings("unchecked")
    private List<Object> listArg(Value v) {
        Object args = owner.values().toCatapult(v);
        if (args instanceof List<?> l) return (List<Object>) l;
        throw new IllegalArgumentException("catapult.call: arguments must be a list");
    }

    private Record recordArg(Value v) {
        if (owner.values().toCatapult(v) instanceof Record r) return r;
        throw new IllegalArgumentException("catapult.call: named arguments must be a dict or object");
    }

    private Object get(String name) {
        Object v = session().lookup(name);
        if (v != null || session().hasGlobal(name)) return v;
        throw new IllegalArgumentException("catapult.get: no global named '" + name + "'");
    }

    private Object set(Value[] a) {
        String name = string(a, 0, "name");
        if (a.length < 2) throw new IllegalArgumentException("catapult.set: expected a value for '" + name + "'");
        session().setGlobal(name, owner.values().toCatapult(a[1]));
        return null;
    }

    @Override public Object getMemberKeys() { return ProxyArray.fromList(new java.util.ArrayList<>(MEMBERS)); }

    @Override public boolean hasMember(String key) { return MEMBERS.contains(key); }

    @Override public void putMember(String key, Value value) {
        throw new UnsupportedOperationException("the catapult object is read-only");
    }
}
