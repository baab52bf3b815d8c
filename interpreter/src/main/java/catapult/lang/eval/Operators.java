package catapult.lang.eval;

import catapult.lang.errors.RuntimeError;
import catapult.lang.syntax.Span;
import catapult.lang.value.CatValue;
import catapult.lang.value.Printer;
import catapult.lang.value.Tensor;
import catapult.lang.value.Tensors;
import catapult.lang.value.Values;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The meaning of each operator: number arithmetic, elementwise tensor arithmetic with NumPy
 * broadcasting, `@` matrix products, string and list concatenation, structural comparisons,
 * and delegation to values that define their own (graph nodes).
 */
final class Operators {
    private Operators() {}

    static Object binary(String op, Object a, Object b, Span at) {
        if (a instanceof Double x && b instanceof Double y) return numbers(op, x, y, at);
        if (a instanceof CatValue.Operand o) {
            Object r = o.binary(op, b, false);
            if (r != null) return r;
        }
        if (b instanceof CatValue.Operand o) {
            Object r = o.binary(op, a, true);
            if (r != null) return r;
        }
        switch (op) {
            case "==": return equality(a, b, true, at);
            case "!=": return equality(a, b, false, at);
            case "+":
                if (a instanceof String || b instanceof String) return Printer.show(a) + Printer.show(b);
                if (a instanceof List<?> x && b instanceof List<?> y) return concat(x, y);
                break;
            default:
        }
        if (a instanceof String x && b instanceof String y && isComparison(op)) return compareStrings(op, x, y);
        if (isTensorish(a) && isTensorish(b) && (a instanceof Tensor || b instanceof Tensor || oneList(a, b))) {
            return tensors(op, array(a, at), array(b, at), at);
        }
        String hint = a instanceof List && b instanceof List ? " (wrap one in tensor(...) for elementwise arithmetic)" : "";
        throw new RuntimeError("cannot apply '" + op + "' to " + Values.typeName(a) + " and " + Values.typeName(b) + hint, at);
    }

    /**
     * A list of numbers meets a number or a tensor: the list acts as a tensor, as in NumPy
     * ({@code [0.5, 1.5] * eta}). Two lists are not combined elementwise, since + joins them.
     */
    private static boolean oneList(Object a, Object b) {
        return a instanceof List != b instanceof List;
    }

    private static INDArray array(Object v, Span at) {
        try {
            return Tensors.array(v);
        } catch (IllegalArgumentException e) {
            throw new RuntimeError(e.getMessage(), at);
        }
    }

    private static boolean isTensorish(Object v) {
        return v instanceof Tensor || v instanceof Double || v instanceof List;
    }

    private static boolean isComparison(String op) {
        return op.equals("<") || op.equals("<=") || op.equals(">") || op.equals(">=");
    }

    private static Object numbers(String op, double x, double y, Span at) {
        switch (op) {
            case "+": return x + y;
            case "-": return x - y;
            case "*": return x * y;
            case "/": return x / y;
            case "%": return x - Math.floor(x / y) * y;
            case "^": return Math.pow(x, y);
            case "<": return x < y;
            case "<=": return x <= y;
            case ">": return x > y;
            case ">=": return x >= y;
            case "==": return x == y;
            case "!=": return x != y;
            case "@": throw new RuntimeError("'@' needs tensors, got two numbers (use '*')", at);
            default: throw new RuntimeError("unknown operator " + op, at);
        }
    }

    private static Object equality(Object a, Object b, boolean eq, Span at) {
        if (a instanceof Tensor || b instanceof Tensor) {
            if (isTensorish(a) && isTensorish(b)) {
                return tensors(eq ? "==" : "!=", Tensors.array(a), Tensors.array(b), at);
            }
        }
        return eq == Values.equal(a, b);
    }

    private static Object compareStrings(String op, String x, String y) {
        int c = x.compareTo(y);
        switch (op) {
            case "<": return c < 0;
            case "<=": return c <= 0;
            case ">": return c > 0;
            default: return c >= 0;
        }
    }

    private static List<Object> concat(List<?> x, List<?> y) {
        List<Object> out = new ArrayList<>(x);
        out.addAll(y);
        return java.util.Collections.unmodifiableList(out);
    }

    static Object negate(Object v, Span at) {
        if (v instanceof Double d) return -d;
        if (v instanceof Tensor t) return new Tensor(t.array().neg());
        if (v instanceof CatValue.Operand o) {
            Object r = o.binary("*", -1.0, true);
            if (r != null) return r;
        }
        throw new RuntimeError("cannot negate " + Values.typeName(v), at);
    }

    // ---- tensors ----

    private static Tensor tensors(String op, INDArray a, INDArray b, Span at) {
        if (op.equals("@")) return new Tensor(matmul(a, b, at));
        INDArray[] ab = Tensors.promote(a, b);
        a = ab[0];
        b = ab[1];
        long[] shape = broadcastShape(a.shape(), b.shape(), op, at);
        if (Arrays.stream(shape).anyMatch(d -> d == 0)) return new Tensor(Nd4j.create(a.dataType(), shape));   // ND4J cannot broadcast empty arrays
        INDArray x = expand(a, shape), y = expand(b, shape);
        switch (op) {
            case "+": return new Tensor(x.add(y));
            case "-": return new Tensor(x.sub(y));
            case "*": return new Tensor(x.mul(y));
            case "/": return new Tensor(x.div(y));
            case "^": return new Tensor(Transforms.pow(x, y, true));
            case "%": return new Tensor(x.sub(Transforms.floor(x.div(y), false).muli(y)));
            case "<": return new Tensor(x.lt(y).castTo(a.dataType()));
            case "<=": return new Tensor(x.gt(y).castTo(a.dataType()).rsubi(1.0));
            case ">": return new Tensor(x.gt(y).castTo(a.dataType()));
            case ">=": return new Tensor(x.lt(y).castTo(a.dataType()).rsubi(1.0));
            case "==": return new Tensor(x.eq(y).castTo(a.dataType()));
            case "!=": return new Tensor(x.neq(y).castTo(a.dataType()));
            default: throw new RuntimeError("cannot apply '" + op + "' to tensors", at);
        }
    }

    /** NumPy broadcasting: align trailing dimensions; each pair must match or be 1. */
    static long[] broadcastShape(long[] a, long[] b, String op, Span at) {
        int rank = Math.max(a.length, b.length);
        long[] out = new long[rank];
        for (int i = 0; i < rank; i++) {
            long x = i < rank - a.length ? 1 : a[i - (rank - a.length)];
            long y = i < rank - b.length ? 1 : b[i - (rank - b.length)];
            if (x != y && x != 1 && y != 1) {
                throw new RuntimeError("shape mismatch in '" + op + "': " + Arrays.toString(a) + " and "
                        + Arrays.toString(b) + " do not broadcast", at);
            }
            out[i] = x == 1 ? y : x;   // NumPy: a size-1 axis stretches, even to 0
        }
        return out;
    }

    private static INDArray expand(INDArray a, long[] shape) {
        if (Arrays.equals(a.shape(), shape)) return a;
        if (a.length() == 1) return Nd4j.valueArrayOf(shape, a.getDouble(0), a.dataType());
        INDArray r = a;
        if (r.rank() < shape.length) {
            long[] padded = new long[shape.length];
            Arrays.fill(padded, 1);
            System.arraycopy(r.shape(), 0, padded, shape.length - r.rank(), r.rank());
            r = r.reshape(padded);
        }
        return r.broadcast(shape);
    }

    /** Matrix product with NumPy's rules for vectors (1-D operands are promoted and squeezed). */
    static INDArray matmul(INDArray a, INDArray b, Span at) {
        INDArray[] ab = Tensors.promote(a, b);
        a = ab[0];
        b = ab[1];
        if (a.rank() == 0 || b.rank() == 0 || a.rank() > 2 || b.rank() > 2) {
            throw new RuntimeError("'@' needs vectors or matrices, got shapes " + Arrays.toString(a.shape())
                    + " and " + Arrays.toString(b.shape()), at);
        }
        boolean av = a.rank() == 1, bv = b.rank() == 1;
        INDArray x = av ? a.reshape(1, a.length()) : a;
        INDArray y = bv ? b.reshape(b.length(), 1) : b;
        if (x.size(1) != y.size(0)) {
            throw new RuntimeError("shape mismatch in '@': " + Arrays.toString(a.shape()) + " @ "
                    + Arrays.toString(b.shape()) + " (inner sizes " + x.size(1) + " and " + y.size(0) + " differ)", at);
        }
        INDArray r = Nd4j.gemm(x, y, false, false);
        if (av && bv) return Nd4j.scalar(r.dataType(), r.getDouble(0));
        if (av) return r.reshape(r.length());
        if (bv) return r.reshape(r.size(0));
        return r;
    }
}
