package catapult.lang.value;

import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Type names, truthiness, structural equality and number conversion shared by the interpreter and built-ins. */
public final class Values {
    private Values() {}

    public static String typeName(Object v) {
        if (v == null) return "none";
        if (v instanceof Double || v instanceof Number) return "number";
        if (v instanceof Boolean) return "bool";
        if (v instanceof String) return "string";
        if (v instanceof List) return "list";
        if (v instanceof CatValue c) return c.typeName();
        return v.getClass().getSimpleName();
    }

    /** false, none, 0 and empty strings/lists are false; everything else is true. */
    public static boolean truthy(Object v) {
        if (v == null) return false;
        if (v instanceof Boolean b) return b;
        if (v instanceof Double d) return d != 0;
        if (v instanceof String s) return !s.isEmpty();
        if (v instanceof List<?> l) return !l.isEmpty();
        if (v instanceof Tensor t && t.array().length() == 1) return t.array().getDouble(0) != 0;
        return true;
    }

    /** Structural equality: numbers, strings, lists and records compare by content. */
    public static boolean equal(Object a, Object b) {
        if (a == b) return true;
        if (a == null || b == null) return false;
        if (a instanceof Double x && b instanceof Double y) return x.doubleValue() == y.doubleValue();
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) return false;
            for (int i = 0; i < x.size(); i++) if (!equal(x.get(i), y.get(i))) return false;
            return true;
        }
        if (a instanceof Record x && b instanceof Record y) {
            Map<String, Object> mx = x.asMap(), my = y.asMap();
            if (!mx.keySet().equals(my.keySet())) return false;
            for (String k : mx.keySet()) if (!equal(mx.get(k), my.get(k))) return false;
            return true;
        }
        if (a instanceof RangeValue x && b instanceof RangeValue y) return x.equals(y);
        if (a instanceof Tensor x && b instanceof Tensor y) return x.equals(y);
        return a.equals(b);
    }

    /** The number a value stands for (numbers and 1-element tensors), or null. */
    public static Double asNumber(Object v) {
        if (v instanceof Double d) return d;
        if (v instanceof Number n) return n.doubleValue();
        if (v instanceof Tensor t && t.array().length() == 1) return t.array().getDouble(0);
        return null;
    }

    public static boolean isIntegral(double d) {
        return d == Math.rint(d) && !Double.isInfinite(d);
    }

    /** Wraps Java results from built-ins: ints and floats become Double, INDArray a Tensor. */
    public static Object wrap(Object v) {
        if (v instanceof Double || v == null) return v;
        if (v instanceof Number n) return n.doubleValue();
        if (v instanceof INDArray a) return new Tensor(a);
        return v;
    }
}
