package catapult.cpython;

import catapult.builtins.TableValue;
import catapult.engine.table.Table;
import catapult.lang.value.CatFunction;
import catapult.lang.value.CatValue;
import catapult.lang.value.Record;
import catapult.lang.value.Tensor;
import catapult.lang.value.Values;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds language values from what the Python side passes (lists, records, tables, Python
 * functions) and classifies language values so it can pick a Python form with one call.
 */
public final class LanguageValues {
    private LanguageValues() {}

    /** A list value (immutable, like list literals) of already-converted items. */
    public static List<Object> list(Object[] items) {
        List<Object> out = new ArrayList<>(items.length);
        for (Object x : items) out.add(Values.wrap(x));
        return Collections.unmodifiableList(out);
    }

    /** A record with fields in the given order. */
    public static Record record(String[] keys, Object[] values) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keys.length; i++) m.put(keys[i], Values.wrap(values[i]));
        return new Record(m);
    }

    /** A table from column names and rows of cells (numbers, strings, booleans or null). */
    public static TableValue table(String[] columns, Object[][] rows) {
        List<Map<String, Object>> records = new ArrayList<>(rows.length);
        for (Object[] row : rows) {
            Map<String, Object> r = new LinkedHashMap<>();
            for (int c = 0; c < columns.length; c++) r.put(columns[c], Values.wrap(row[c]));
            records.add(r);
        }
        return new TableValue(new Table(Arrays.asList(columns), records));
    }

    /** The table's cells row by row, in column order. */
    public static Object[][] tableCells(TableValue t) {
        Table table = t.table();
        Object[][] out = new Object[table.size()][];
        for (int i = 0; i < out.length; i++) out[i] = table.row(i).values().toArray();
        return out;
    }

    public static String[] tableColumns(TableValue t) { return t.table().columns().toArray(new String[0]); }

    /** A Catapult function that calls back into Python. */
    public static CatFunction function(String name, PythonCallback callback) {
        return new PythonFunction(name, callback);
    }

    /**
     * The form the Python side gives a value: none, bool, number, string, list, record, tensor,
     * table, run, plot, function, range, or handle (any other engine value, wrapped as is).
     */
    public static String kind(Object v) {
        if (v == null) return "none";
        if (v instanceof Boolean) return "bool";
        if (v instanceof Number) return "number";
        if (v instanceof String) return "string";
        if (v instanceof List) return "list";
        if (v instanceof Record) return "record";
        if (v instanceof Tensor) return "tensor";
        if (v instanceof TableValue) return "table";
        if (v instanceof catapult.builtins.RunValue) return "run";
        if (v instanceof catapult.builtins.PlotValue) return "plot";
        if (v instanceof catapult.lang.value.RangeValue) return "range";
        if (v instanceof CatFunction) return "function";
        return v instanceof CatValue ? "handle" : "none";
    }

    /** A field of a value, or null with {@code present[0] = false} when it has none. */
    public static Object field(Object v, String name, boolean[] present) {
        Object f = v instanceof CatValue c ? c.field(name) : CatValue.NO_FIELD;
        present[0] = f != CatValue.NO_FIELD;
        return present[0] ? f : null;
    }
}
