package catapult.lang.value;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** A tensor value: an ND4J array (float32 by default, float64 after precision(64)). */
public final class Tensor implements CatValue.Sequence {
    private final INDArray array;

    public Tensor(INDArray array) {
        this.array = array;
    }

    public INDArray array() { return array; }

    public long[] shape() { return array.shape(); }

    public int rank() { return array.rank(); }

    @Override public String typeName() { return "tensor"; }

    @Override public String show() { return TensorFormat.format(array); }

    @Override public int length() {
        return array.rank() == 0 ? 1 : (int) array.size(0);
    }

    /** Row i: a number for vectors, a tensor of one rank less otherwise. */
    @Override public Object get(int i) {
        if (array.rank() <= 1) return array.getDouble(i);
        return new Tensor(array.slice(i).dup());
    }

    @Override public Object slice(int start, int stop, int step) {
        if (step == 1 && stop <= start) {
            long[] shape = array.shape().clone();
            shape[0] = 0;
            return new Tensor(org.nd4j.linalg.factory.Nd4j.create(array.dataType(), shape));
        }
        if (step == 1) return new Tensor(array.get(NDArrayIndex.interval(start, stop)).dup());
        List<Integer> rows = new ArrayList<>();
        for (int i = start; step > 0 ? i < stop : i > stop; i += step) rows.add(i);
        long[] idx = rows.stream().mapToLong(Integer::longValue).toArray();
        if (idx.length == 0) return slice(0, 0, 1);
        return new Tensor(array.get(NDArrayIndex.indices(idx)).dup());
    }

    @Override public Object field(String name) {
        return switch (name) {
            case "shape" -> shapeList();
            case "T" -> new Tensor(array.rank() < 2 ? array.dup() : array.transpose().dup());
            case "rank" -> (double) array.rank();
            case "size" -> (double) array.length();
            case "dtype" -> array.dataType().name().toLowerCase();
            default -> NO_FIELD;
        };
    }

    @Override public List<String> fieldNames() { return List.of("shape", "T", "rank", "size", "dtype"); }

    public List<Object> shapeList() {
        List<Object> out = new ArrayList<>();
        for (long s : array.shape()) out.add((double) s);
        return List.copyOf(out);
    }

    @Override public boolean equals(Object o) {
        return o instanceof Tensor t && t.array.equalShapes(array) && t.array.equals(array);
    }

    @Override public int hashCode() { return java.util.Arrays.hashCode(array.shape()); }

    @Override public String toString() { return show(); }
}
