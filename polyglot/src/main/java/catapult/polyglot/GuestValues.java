package catapult.polyglot;

import catapult.builtins.DatasetValue;
import catapult.builtins.ModelValue;
import catapult.builtins.RunValue;
import catapult.builtins.TableValue;
import catapult.lang.value.CatFunction;
import catapult.lang.value.CatValue;
import catapult.lang.value.RangeValue;
import catapult.lang.value.Record;
import catapult.lang.value.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Converts values between Catapult and one guest context. Catapult to guest gives native guest
 * values: numbers (integral ones as Python ints, as Catapult prints them), strings, booleans,
 * None/null, lists as native lists/arrays, records as dicts/objects (a Python dict subclass whose
 * keys also read as attributes), runs as such objects of series, tables as lists of them, tensors
 * as nested lists of floats, functions as callables, and datasets, networks, optimizers and other
 * values as handles that read their fields and go back to Catapult unchanged. Guest to Catapult is the inverse: arrays become lists,
 * dicts and plain objects records, callables {@link GuestFunction}s.
 */
final class GuestValues {
    private static final double EXACT_INT = 9007199254740992.0; // 2^53

    private final GuestContext owner;
    private final Value nativeList;
    private final Value nativeRecord;
    private final Value raise;

    GuestValues(GuestContext owner, Value nativeList, Value nativeRecord, Value raise) {
        this.owner = owner;
        this.nativeList = nativeList;
        this.nativeRecord = nativeRecord;
        this.raise = raise;
    }

    /** Throws the guest's CatapultError with this message (as a guest exception). */
    RuntimeException fail(String message) {
        raise.execute(message);
        return new IllegalStateException("guest raise returned: " + message);
    }

    // ---- Catapult to guest ----

    /** A Catapult (or plain Java) value as a guest value; the context must be entered. */
    Object toGuest(Object v) {
        if (v == null || v instanceof Boolean || v instanceof String) return v;
        if (v instanceof Number n) return number(n.doubleValue());
        if (v instanceof Tensor t) return tensor(t.array());
        if (v instanceof INDArray a) return tensor(a);
        if (v instanceof double[] d) return doubles(d);
        if (v instanceof double[][] rows) return list(List.of((Object[]) rows));
        if (v instanceof List<?> l) return list(l);
        if (v instanceof Record r) return record(r.asMap());
        if (v instanceof Map<?, ?> m) return record(m);
        if (v instanceof RangeValue r) return range(r);
        if (v instanceof GuestFunction g && g.context() == owner) return g.value();
        if (v instanceof DatasetValue || v instanceof ModelValue) return new CatHandle((CatValue) v, owner);
        if (v instanceof CatFunction f) return new CatCallable(f, owner);
        if (v instanceof Value value) return value;
        if (v instanceof CatValue c) return catValue(c);
        throw new IllegalArgumentException("cannot pass a " + v.getClass().getSimpleName() + " to " + owner.language().displayName());
    }

    /**
     * Results convert (runs to objects of series, tables to lists of row records); every other
     * value (optimizers, schedules, metrics, architectures, plots) stays a handle so it can go
     * back into a Catapult call.
     */
    private Object catValue(CatValue c) {
        if (c instanceof RunValue run) return record(GuestRuns.fields(run));
        if (c instanceof TableValue table) return toGuest(table.toHost());
        return new CatHandle(c, owner);
    }

    private Object number(double d) {
        if (owner.language() == GuestLanguage.PYTHON && d == Math.rint(d) && Math.abs(d) < EXACT_INT) return (long) d;
        return d;
    }

    private Value list(List<?> items) {
        Object[] converted = new Object[items.size()];
        for (int i = 0; i < converted.length; i++) converted[i] = toGuest(items.get(i));
        return nativeList.execute(ProxyArray.fromArray(converted));
    }

    private Value doubles(double[] d) {
        Object[] boxed = new Object[d.length];
        for (int i = 0; i < d.length; i++) boxed[i] = d[i];
        return nativeList.execute(ProxyArray.fromArray(boxed));
    }

    private Object tensor(INDArray a) {
        if (a.rank() == 0) return a.getDouble(0);
        if (a.rank() == 1) return doubles(a.toDoubleVector());
        Object[] rows = new Object[(int) a.size(0)];
        for (int i = 0; i < rows.length; i++) rows[i] = tensor(a.slice(i));
        return nativeList.execute(ProxyArray.fromArray(rows));
    }

    private Value record(Map<?, ?> fields) {
        Object[] keys = new Object[fields.size()], vals = new Object[fields.size()];
        int i = 0;
        for (Map.Entry<?, ?> e : fields.entrySet()) {
            keys[i] = String.valueOf(e.getKey());
            vals[i++] = toGuest(e.getValue());
        }
        return nativeRecord.execute(ProxyArray.fromArray(keys), ProxyArray.fromArray(vals));
    }

    private Value range(RangeValue r) {
        Object[] items = new Object[r.length()];
        for (int i = 0; i < items.length; i++) items[i] = number((Double) r.get(i));
        return nativeList.execute(ProxyArray.fromArray(items));
    }

    // ---- guest to Catapult ----

    /** A guest value as a Catapult value. */
    Object toCatapult(Value v) {
        if (v == null || v.isNull()) return null;
        if (v.isBoolean()) return v.asBoolean();
        if (v.isString()) return v.asString();
        if (v.isNumber()) return number(v);
        if (v.isProxyObject()) return unwrapProxy(v);
        if (v.isHostObject()) return catapult.api.HostValues.fromJava(v.asHostObject());
        if (v.hasArrayElements()) return array(v);
        if (v.canExecute()) return new GuestFunction(v, owner);
        if (v.hasHashEntries()) return hash(v);
        if (v.hasMembers()) return members(v);
        throw new IllegalArgumentException("cannot pass a " + owner.language().displayName() + " " + metaName(v) + " to Catapult");
    }

    private static Double number(Value v) {
        if (v.fitsInDouble()) return v.asDouble();
        if (v.fitsInLong()) return (double) v.asLong();
        if (v.fitsInBigInteger()) return v.asBigInteger().doubleValue();
        throw new IllegalArgumentException("number " + v + " cannot be represented as a Catapult number");
    }

    private Object unwrapProxy(Value v) {
        Object p = v.asProxyObject();
        if (p instanceof CatHandle h) return h.value();
        if (p instanceof CatCallable c) return c.function();
        throw new IllegalArgumentException("cannot pass " + p + " to Catapult");
    }

    private List<Object> array(Value v) {
        long n = v.getArraySize();
        List<Object> out = new ArrayList<>((int) n);
        for (long i = 0; i < n; i++) out.add(toCatapult(v.getArrayElement(i)));
        return Collections.unmodifiableList(out);
    }

    private Record hash(Value v) {
        Map<String, Object> out = new LinkedHashMap<>();
        Value it = v.getHashEntriesIterator();
        while (it.hasIteratorNextElement()) {
            Value entry = it.getIteratorNextElement();
            Value key = entry.getArrayElement(0);
            out.put(key.isString() ? key.asString() : key.toString(), toCatapult(entry.getArrayElement(1)));
        }
        return new Record(out);
    }

    /** A plain JavaScript object (or a Python object's attributes) as a record; methods are skipped. */
    private Record members(Value v) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String key : v.getMemberKeys()) {
            if (key.startsWith("__")) continue;
            Value member = v.getMember(key);
            if (member == null || member.canExecute()) continue;
            out.put(key, toCatapult(member));
        }
        return new Record(out);
    }

    private static String metaName(Value v) {
        Value meta = v.getMetaObject();
        return meta == null ? "value" : meta.getMetaSimpleName();
    }
}
