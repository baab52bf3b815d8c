package catapult.lang.eval;

import catapult.lang.errors.RuntimeError;
import catapult.lang.syntax.Span;
import catapult.lang.value.CatValue;
import catapult.lang.value.Record;
import catapult.lang.value.Tensor;
import catapult.lang.value.Values;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * `a[i]`, `a[i, j]`, `a[i:j:k]`, `a[:, 0]` on lists, strings, ranges, tensors, records and
 * sequence values. Indices are 0-based; negative ones count from the end.
 */
final class Indexing {
    private Indexing() {}

    /** One evaluated index position: a number, or a slice with nullable parts. */
    record Item(Double index, boolean slice, Double start, Double stop, Double step, Span span) {}

    static Object index(Object target, List<Item> items, Span at) {
        if (target instanceof Tensor t) return tensor(t.array(), items, at);
        if (items.size() != 1) {
            throw new RuntimeError(Values.typeName(target) + " takes one index, got " + items.size(), at);
        }
        Item item = items.get(0);
        if (target instanceof Record r) return recordField(r, item, at);
        int length = lengthOf(target, at);
        try {
            if (item.slice()) {
                int[] b = sliceBounds(item, length, at);
                return sliceOf(target, b[0], b[1], b[2]);
            }
            int i = position(item, length, Values.typeName(target), at);
            if (target instanceof List<?> l) return l.get(i);
            if (target instanceof String s) return String.valueOf(s.charAt(i));
            return ((CatValue.Sequence) target).get(i);
        } catch (IllegalArgumentException | IllegalStateException e) {
            // a sequence value refusing the index (e.g. an empty dataset slice) is the user's error
            throw new RuntimeError(String.valueOf(e.getMessage()), at);
        }
    }

    private static Object recordField(Record r, Item item, Span at) {
        throw new RuntimeError("records are indexed by field: use r.name", at);
    }

    private static int lengthOf(Object target, Span at) {
        if (target instanceof List<?> l) return l.size();
        if (target instanceof String s) return s.length();
        if (target instanceof CatValue.Sequence s) return s.length();
        throw new RuntimeError("cannot index " + Values.typeName(target), at);
    }

    private static Object sliceOf(Object target, int start, int stop, int step) {
        if (target instanceof String s) {
            StringBuilder out = new StringBuilder();
            for (int i = start; step > 0 ? i < stop : i > stop; i += step) out.append(s.charAt(i));
            return out.toString();
        }
        if (target instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (int i = start; step > 0 ? i < stop : i > stop; i += step) out.add(l.get(i));
            return java.util.Collections.unmodifiableList(out);
        }
        return ((CatValue.Sequence) target).slice(start, stop, step);
    }

    static int position(Item item, long length, String what, Span at) {
        double d = item.index();
        if (!Values.isIntegral(d)) throw new RuntimeError("index must be an integer, got " + catapult.lang.value.Printer.number(d), item.span());
        long i = (long) d;
        long j = i < 0 ? i + length : i;
        if (j < 0 || j >= length) {
            throw new RuntimeError("index " + i + " out of range for " + what + " of length " + length, item.span());
        }
        return (int) j;
    }

    /** Python slice semantics: [start, stop, step] after clamping and negative-index handling. */
    static int[] sliceBounds(Item item, long length, Span at) {
        int step = item.step() == null ? 1 : integer(item.step(), item.span());
        if (step == 0) throw new RuntimeError("slice step cannot be 0", item.span());
        int n = (int) length;
        int start, stop;
        if (step > 0) {
            start = item.start() == null ? 0 : clamp(integer(item.start(), item.span()), n, 0, n);
            stop = item.stop() == null ? n : clamp(integer(item.stop(), item.span()), n, 0, n);
        } else {
            start = item.start() == null ? n - 1 : clamp(integer(item.start(), item.span()), n, -1, n - 1);
            stop = item.stop() == null ? -1 : clamp(integer(item.stop(), item.span()), n, -1, n - 1);
        }
        return new int[] {start, stop, step};
    }

    private static int clamp(int i, int n, int lo, int hi) {
        int j = i < 0 ? i + n : i;
        return Math.max(lo, Math.min(hi, j));
    }

    private static int integer(double d, Span at) {
        if (!Values.isIntegral(d)) throw new RuntimeError("slice bounds must be integers", at);
        return (int) d;
    }

    private static Object tensor(INDArray a, List<Item> items, Span at) {
        if (a.rank() == 0) throw new RuntimeError("cannot index a scalar tensor", at);
        if (items.size() > a.rank()) {
            throw new RuntimeError("too many indices: " + items.size() + " for a tensor of rank " + a.rank(), at);
        }
        INDArrayIndex[] idx = new INDArrayIndex[a.rank()];
        boolean allPoints = items.size() == a.rank();
        List<Integer> kept = new ArrayList<>();
        for (int d = 0; d < a.rank(); d++) {
            if (d >= items.size()) {
                idx[d] = NDArrayIndex.all();
                kept.add((int) a.size(d));
                continue;
            }
            Item item = items.get(d);
            if (!item.slice()) {
                idx[d] = NDArrayIndex.point(position(item, a.size(d), "axis " + d, at));
                continue;
            }
            allPoints = false;
            int[] b = sliceBounds(item, a.size(d), at);
            List<Long> picks = new ArrayList<>();
            for (int i = b[0]; b[2] > 0 ? i < b[1] : i > b[1]; i += b[2]) picks.add((long) i);
            if (picks.isEmpty()) return new Tensor(Nd4j.create(a.dataType(), emptyShape(a, items, d)));
            idx[d] = NDArrayIndex.indices(picks.stream().mapToLong(Long::longValue).toArray());
            kept.add(picks.size());
        }
        if (allPoints) return a.getDouble(pointOffsets(idx, items, a));
        INDArray r = a.get(idx).dup();
        long[] shape = kept.stream().mapToLong(Integer::longValue).toArray();
        return new Tensor(r.length() == shapeLength(shape) ? r.reshape(shape) : r);
    }

    private static long[] pointOffsets(INDArrayIndex[] idx, List<Item> items, INDArray a) {
        long[] pos = new long[idx.length];
        for (int d = 0; d < idx.length; d++) pos[d] = idx[d].offset();
        return pos;
    }

    private static long shapeLength(long[] shape) {
        long n = 1;
        for (long s : shape) n *= s;
        return n;
    }

    private static long[] emptyShape(INDArray a, List<Item> items, int emptyDim) {
        List<Long> shape = new ArrayList<>();
        for (int d = 0; d < a.rank(); d++) {
            if (d < items.size() && !items.get(d).slice()) continue;
            shape.add(d == emptyDim ? 0L : a.size(d));
        }
        return shape.stream().mapToLong(Long::longValue).toArray();
    }
}
