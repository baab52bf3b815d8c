package catapult.builtins;

import catapult.engine.data.Dataset;
import catapult.engine.table.Table;
import catapult.lang.codec.CodecExtension;
import catapult.lang.codec.ValueDecoder;
import catapult.lang.codec.ValueEncoder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ships datasets (inputs, targets and description, bit for bit) and tables (columns and cells,
 * each cell encoded as a value) for sweeps on Spark and {@code save}/{@code load}.
 */
public final class DataCodec implements CodecExtension {

    @Override public List<String> tags() { return List.of("dataset", "table"); }

    @Override public boolean handles(Object value) { return value instanceof DatasetValue || value instanceof TableValue; }

    @Override
    public Object identity(Object value) {
        return value instanceof DatasetValue d ? d.dataset() : ((TableValue) value).table();
    }

    @Override
    public Map<String, Object> encode(Object value, ValueEncoder enc) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (value instanceof DatasetValue dv) {
            Dataset d = dv.dataset();
            out.put("t", "dataset");
            out.put("x", enc.array(d.x()));
            out.put("y", enc.array(d.y()));
            out.put("description", d.description());
            return out;
        }
        Table t = ((TableValue) value).table();
        out.put("t", "table");
        out.put("columns", new ArrayList<Object>(t.columns()));
        List<Object> rows = new ArrayList<>();
        for (Map<String, Object> row : t.rows()) {
            List<Object> cells = new ArrayList<>();
            for (String c : t.columns()) cells.add(enc.value(row.get(c)));
            rows.add(cells);
        }
        out.put("rows", rows);
        out.put("keys", new ArrayList<Object>(t.keys()));
        return out;
    }

    @Override
    public Object decode(Map<String, ?> in, ValueDecoder dec) {
        if ("dataset".equals(in.get("t"))) {
            return new DatasetValue(Dataset.of(dec.array(in.get("x")), dec.array(in.get("y")), (String) in.get("description")));
        }
        List<String> columns = new ArrayList<>();
        for (Object c : (List<?>) in.get("columns")) columns.add((String) c);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Object r : (List<?>) in.get("rows")) {
            List<?> cells = (List<?>) r;
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) row.put(columns.get(i), dec.value(cells.get(i)));
            rows.add(row);
        }
        Table t = new Table(columns, rows);
        if (in.get("keys") instanceof List<?> keys) t = t.withKeys(keys.stream().map(String::valueOf).toList());
        return new TableValue(t);
    }
}
