package catapult.builtins;

import catapult.engine.data.Dataset;
import catapult.lang.builtins.Args;
import catapult.lang.builtins.Type;
import catapult.lang.value.CatValue;
import catapult.lang.value.Record;
import catapult.lang.value.Tensor;
import java.util.List;

/**
 * A dataset as a language value: fields x, y, n, d, k; `data[a:b]` slices rows and `data[i]`
 * is the record {x, y} of one example.
 */
public final class DatasetValue implements CatValue.Sequence {
    public static final Type TYPE = Type.of(DatasetValue.class, "dataset");

    private final Dataset data;

    public DatasetValue(Dataset data) { this.data = data; }

    public Dataset dataset() { return data; }

    /**
     * The one place a dataset argument is unwrapped: a dataset, or for a parameter typed
     * {@link Convert#DATA_OR_X} a tensor of inputs (a dataset without labels); none for none.
     */
    public static Dataset arg(Args a, String name) {
        Object v = a.get(name);
        if (v == null) return null;
        if (v instanceof Tensor t) return Dataset.inputsOnly(t.array(), "tensor");
        return ((DatasetValue) v).dataset();
    }

    @Override public String typeName() { return "dataset"; }

    @Override public int length() { return data.n(); }

    @Override public Object get(int i) {
        return Record.of("x", new Tensor(data.x().slice(i).dup()), "y", new Tensor(data.y().slice(i).dup()));
    }

    @Override public Object slice(int start, int stop, int step) {
        if (step == 1) return new DatasetValue(data.slice(start, Math.max(start, stop)));
        java.util.List<Integer> rows = new java.util.ArrayList<>();
        for (int i = start; step > 0 ? i < stop : i > stop; i += step) rows.add(i);
        return new DatasetValue(data.rows(rows.stream().mapToInt(Integer::intValue).toArray()));
    }

    @Override public Object field(String name) {
        switch (name) {
            case "x": return new Tensor(data.x());
            case "y": return new Tensor(data.y());
            case "n": return (double) data.n();
            case "d": return (double) data.d();
            case "k": return (double) data.k();
            case "shape": return new Tensor(data.x()).shapeList();
            default: return NO_FIELD;
        }
    }

    @Override public List<String> fieldNames() { return List.of("x", "y", "n", "d", "k", "shape"); }

    @Override public String show() { return data.describe(); }

    @Override public Object toHost() {
        return Record.of("x", new Tensor(data.x()), "y", new Tensor(data.y()));
    }
}
