package catapult.lang.value;

import catapult.numerics.Precision;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Conversions between language values and ND4J arrays, in the session's default precision. */
public final class Tensors {
    private Tensors() {}

    /** The running session's precision: float32 unless precision(64) switched it. */
    public static DataType dtype() {
        return Precision.dtype();
    }

    /** A tensor from a tensor, a number (rank 0) or a rectangular nested list of numbers. */
    public static Tensor toTensor(Object v) {
        if (v instanceof Tensor t) return t;
        return new Tensor(array(v));
    }

    public static INDArray array(Object v) {
        if (v instanceof Tensor t) return t.array();
        Double d = Values.asNumber(v);
        if (d != null && !(v instanceof Boolean)) return Nd4j.scalar(dtype(), d);
        if (v instanceof List<?> list) return fromList(list);
        if (v instanceof Boolean b) return Nd4j.scalar(dtype(), b ? 1.0 : 0.0);
        throw new IllegalArgumentException("expected a tensor, a number or a list of numbers, got " + Values.typeName(v));
    }

    private static INDArray fromList(List<?> list) {
        List<Long> shape = new ArrayList<>();
        Object probe = list;
        while (probe instanceof List<?> l) {
            shape.add((long) l.size());
            probe = l.isEmpty() ? null : l.get(0);
            if (probe instanceof Tensor t) {
                for (long s : t.shape()) shape.add(s);
                break;
            }
        }
        long[] dims = shape.stream().mapToLong(Long::longValue).toArray();
        double total = 1;
        for (long s : dims) total *= s;
        if (total > catapult.lang.builtins.MemoryBudget.MAX_ARRAY) {
            throw new IllegalArgumentException("a list of " + catapult.lang.builtins.MemoryBudget.count(total)
                    + " numbers is more than one tensor can be built from");
        }
        catapult.lang.builtins.MemoryBudget.require("the tensor's " + catapult.lang.builtins.MemoryBudget.count(total)
                + " numbers", 16 * total);
        double[] flat = new double[(int) total];
        int[] pos = {0};
        fill(list, 0, dims, flat, pos);
        return Nd4j.create(flat, dims, dtype());
    }

    private static void fill(Object v, int depth, long[] dims, double[] flat, int[] pos) {
        if (v instanceof Tensor t) {
            INDArray a = t.array();
            if (a.rank() != dims.length - depth) throw new IllegalArgumentException("ragged list: rows have different shapes");
            for (double x : a.dup().data().asDouble()) flat[pos[0]++] = x;
            return;
        }
        if (depth == dims.length) {
            Double d = Values.asNumber(v);
            if (d == null || v instanceof Boolean) {
                throw new IllegalArgumentException("expected numbers in the list, got " + Values.typeName(v));
            }
            flat[pos[0]++] = d;
            return;
        }
        if (!(v instanceof List<?> l) || l.size() != dims[depth]) {
            throw new IllegalArgumentException("ragged list: rows have different lengths");
        }
        for (Object item : l) fill(item, depth + 1, dims, flat, pos);
    }

    /** Casts both arrays to the wider floating type so ND4J ops accept them. */
    public static INDArray[] promote(INDArray a, INDArray b) {
        DataType ta = a.dataType(), tb = b.dataType();
        if (ta == tb && ta.isFPType()) return new INDArray[] {a, b};
        DataType t = (ta == DataType.DOUBLE || tb == DataType.DOUBLE) ? DataType.DOUBLE
                : (ta.isFPType() ? ta : (tb.isFPType() ? tb : dtype()));
        return new INDArray[] {ta == t ? a : a.castTo(t), tb == t ? b : b.castTo(t)};
    }
}
