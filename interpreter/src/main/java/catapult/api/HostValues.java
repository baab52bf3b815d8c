package catapult.api;

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
import catapult.numerics.Precision;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The mapping between language values and the plain Java values hosts see. Language to Java:
 * numbers Double, strings, booleans, none null, lists List, records Map (insertion order), ranges
 * List of Double, tensors double (rank 0), double[] (rank 1), double[][] (rank 2) or nested Lists
 * of those (rank 3+), and every other value (runs, datasets, tables) through its
 * {@link CatValue#toHost()}; functions (including networks, which are callable) and values without
 * a plain form pass through as themselves so they can be handed back to call/set. Java to language is the inverse, plus any Number.
 */
public final class HostValues {
    private HostValues() {}

    /** A language value as plain Java. */
    public static Object toJava(Object v) {
        if (v == null || v instanceof Double || v instanceof String || v instanceof Boolean) return v;
        if (v instanceof List<?> l) return listToJava(l);
        if (v instanceof Record r) return mapToJava(r.asMap());
        if (v instanceof Map<?, ?> m) return mapToJava(m);
        if (v instanceof Tensor t) return tensorToJava(t.array());
        if (v instanceof INDArray a) return tensorToJava(a);
        if (v instanceof RangeValue r) return listToJava(rangeElements(r));
        if (v instanceof CatFunction) return v; // functions and networks: kept callable, to hand back
        if (v instanceof CatValue c) {
            Object host = c.toHost();
            return host == c ? c : toJava(host);
        }
        if (v instanceof Number n) return n.doubleValue();
        return v;
    }

    private static List<Object> listToJava(List<?> l) {
        List<Object> out = new ArrayList<>(l.size());
        for (Object x : l) out.add(toJava(x));
        return out;
    }

    private static Map<String, Object> mapToJava(Map<?, ?> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, x) -> out.put(String.valueOf(k), toJava(x)));
        return out;
    }

    private static List<Object> rangeElements(RangeValue r) {
        List<Object> out = new ArrayList<>(r.length());
        for (int i = 0; i < r.length(); i++) out.add(r.get(i));
        return out;
    }

    /** A tensor as double (rank 0), double[] (rank 1), double[][] (rank 2), or nested lists. */
    public static Object tensorToJava(INDArray a) {
        if (a.rank() == 0) return a.getDouble(0);
        if (a.rank() == 1) return a.toDoubleVector();
        if (a.rank() == 2) return a.toDoubleMatrix();
        List<Object> rows = new ArrayList<>();
        for (int i = 0; i < a.size(0); i++) rows.add(tensorToJava(a.slice(i)));
        return rows;
    }

    /** Plain Java as a language value: numbers, strings, booleans, lists, maps, double arrays. */
    public static Object fromJava(Object v) {
        if (v == null || v instanceof Double || v instanceof String || v instanceof Boolean) return v;
        if (v instanceof Number n) return n.doubleValue();
        if (v instanceof double[] d) return new Tensor(Nd4j.create(d).castTo(Precision.dtype()));
        if (v instanceof double[][] d) return new Tensor(Nd4j.create(d).castTo(Precision.dtype()));
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object x : l) out.add(fromJava(x));
            return Collections.unmodifiableList(out);
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(k), fromJava(x)));
            return new Record(out);
        }
        return v;
    }
}
