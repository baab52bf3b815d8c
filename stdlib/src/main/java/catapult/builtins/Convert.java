package catapult.builtins;

import catapult.engine.models.Model;
import catapult.engine.table.Table;
import catapult.lang.builtins.Type;
import catapult.lang.errors.RuntimeError;
import catapult.lang.syntax.Span;
import catapult.lang.value.Record;
import catapult.lang.value.Tensor;
import catapult.lang.value.Tensors;
import catapult.lang.value.Values;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Conversions shared by the engine bindings: inputs from a dataset or tensor, tables, records. */
public final class Convert {
    private Convert() {}

    /** A dataset or a tensor of inputs (as `ntk(model, data_or_x)` accepts). */
    public static final Type DATA_OR_X = DatasetValue.TYPE.or(Type.TENSOR);

    /** The n x ... input array of a dataset or tensor, reshaped to the model's input when sizes agree. */
    public static INDArray inputs(Object dataOrX, Model model, Span site) {
        INDArray x;
        if (dataOrX instanceof DatasetValue d) x = d.dataset().x();
        else if (dataOrX instanceof Tensor || dataOrX instanceof List || dataOrX instanceof Double) x = Tensors.array(dataOrX);
        else throw new RuntimeError("expected a dataset or a tensor of inputs, got " + Values.typeName(dataOrX), site);
        return model == null ? x : fit(x, model.inputShape(), site);
    }

    /** Reshapes n x (anything) to n x inputShape when the element counts agree. */
    public static INDArray fit(INDArray x, long[] inputShape, Span site) {
        for (long s : inputShape) if (s < 0) return castDefault(x.rank() == 1 ? x.reshape(1, x.length()) : x);
        long per = 1;
        for (long s : inputShape) per *= s;
        if (x.rank() == 1) x = x.length() == per ? x.reshape(1, per) : x.reshape(x.length(), 1);
        long n = x.size(0);
        if (x.length() != n * per) {
            throw new RuntimeError("input shape mismatch: the model takes " + Arrays.toString(inputShape)
                    + " per example, got " + Arrays.toString(Arrays.copyOfRange(x.shape(), 1, x.rank())), site);
        }
        long[] want = new long[inputShape.length + 1];
        want[0] = n;
        System.arraycopy(inputShape, 0, want, 1, inputShape.length);
        if (Arrays.equals(want, x.shape())) return castDefault(x);
        return castDefault(x.dup('c').reshape('c', want));
    }

    private static INDArray castDefault(INDArray x) {
        return x.dataType().isFPType() ? x : x.castTo(Tensors.dtype());
    }

    /** A Java record's components as a language record. */
    public static Record record(java.lang.Record r) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            try {
                m.put(c.getName(), Values.wrap(c.getAccessor().invoke(r)));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return new Record(m);
    }

    /** A table value from records. */
    public static TableValue table(List<Object> records) {
        List<Map<String, Object>> rows = new java.util.ArrayList<>();
        for (Object r : records) rows.add(((Record) r).asMap());
        return new TableValue(Table.of(rows));
    }
}
