package catapult.builtins;

import catapult.engine.data.NpyReader;
import catapult.engine.data.TextFile;
import catapult.engine.data.NpyWriter;
import catapult.engine.io.AtomicWrite;
import catapult.engine.table.JsonText;
import catapult.engine.table.Table;
import catapult.lang.builtins.Args;
import catapult.lang.builtins.Builtin;
import catapult.lang.builtins.Cancellation;
import catapult.lang.builtins.BuiltinProvider;
import catapult.lang.builtins.BuiltinRegistry;
import catapult.lang.builtins.Type;
import catapult.lang.value.Record;
import catapult.lang.value.Tensor;
import catapult.lang.value.Tensors;
import catapult.lang.value.Values;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * `save(value, path)` and `load(path)` (docs/language.md section 9). The file extension picks the
 * format: .json for numbers, strings, lists, records, tensors, tables and runs; .csv for tables,
 * runs and matrices; .npy for tensors (readable by NumPy).
 */
public final class IoBuiltins implements BuiltinProvider {

    @Override
    public void register(BuiltinRegistry r) {
        r.register(Builtin.define("save").category("output")
                .summary("Writes a value to a file: .json (any plain value, tensor, table or run; models, data, functions and optimizers whole, "
                        + "for load), .csv (table, run, matrix) or .npy (tensor).")
                .param("value", Type.ANY, "what to save")
                .param("path", Type.STRING, "file name; its extension picks the format")
                .example("save(run, \"run.json\"); save(K, \"ntk.npy\"); save(net, \"net.json\")")
                .impl(a -> {
                    save(a, a.get("value"), UserFiles.writable(a.interp(), Path.of(a.string("path")), a.site()));
                    return null;
                }));
        r.register(Builtin.define("load").category("output")
                .summary("Reads a file written by save (or by NumPy / a spreadsheet): .json -> values (a saved model comes back whole "
                        + "and trains on exactly), .npy -> tensor, .csv -> table.")
                .param("path", Type.STRING, "file name")
                .example("let K = load(\"ntk.npy\")")
                .impl(a -> load(a, UserFiles.readable(a.interp(), Path.of(a.string("path")), a.site()))));
    }

    private static String extension(Args a, Path path) {
        String name = path.getFileName().toString().toLowerCase();
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1);
        if (!List.of("json", "csv", "npy").contains(ext)) {
            throw a.error("unknown file type '" + path.getFileName() + "': use .json, .csv or .npy");
        }
        return ext;
    }

    private static void save(Args a, Object value, Path path) {
        String ext = extension(a, path);
        try {
            if (value instanceof RunValue run && !ext.equals("npy")) {
                run.run().save(path);
            } else if (value instanceof TableValue t && !ext.equals("npy")) {
                t.table().save(path);
            } else if (ext.equals("npy")) {
                if (!(value instanceof Tensor t)) throw a.error(".npy holds tensors, got " + Values.typeName(value));
                write(a, path, out -> NpyWriter.write(t.array(), out));
            } else if (ext.equals("csv")) {
                String text = csv(a, value);
                write(a, path, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
            } else {
                if (plain(value)) {
                    Object json = toJson(a, value);
                    write(a, path, out -> {
                        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                        JsonText.write(json, w);
                        w.write("\n");
                        w.flush();
                    });
                } else {
                    String text = ValueJson.write(new catapult.lang.codec.ValueEncoder("save", "save"), value, "the value", a.site()) + "\n";
                    write(a, path, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
                }
            }
        } catch (IllegalArgumentException e) {
            throw a.error(e.getMessage());
        }
    }

    /** Replaces the file atomically; on failure the old file stays as it was. */
    private static Void write(Args a, Path path, AtomicWrite.Content content) {
        try {
            AtomicWrite.write(path, content);
            return null;
        } catch (IOException e) {
            throw a.error("cannot write " + path + ": " + e.getMessage());
        }
    }

    private static String csv(Args a, Object value) {
        if (!(value instanceof Tensor t) || t.rank() > 2) throw a.error(".csv holds tables, runs and matrices, got " + Values.typeName(value));
        INDArray m = t.rank() == 2 ? t.array() : t.array().reshape(t.array().length(), 1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < m.rows(); i++) {
            Cancellation.poll();
            double[] row = m.getRow(i).toDoubleVector();
            for (int j = 0; j < row.length; j++) out.append(j == 0 ? "" : ",").append(Double.toString(row[j]));
            out.append('\n');
        }
        return out.toString();
    }

    /** Plain values as plain JSON; anything else (models, data, functions...) as a value document. */
    private static String json(Args a, Object value) {
        if (plain(value)) return JsonText.write(toJson(a, value));
        return ValueJson.write(new catapult.lang.codec.ValueEncoder("save", "save"), value, "the value", a.site());
    }

    private static boolean plain(Object v) {
        if (v == null || v instanceof Double || v instanceof String || v instanceof Boolean || v instanceof Tensor t && t.rank() <= 2) return true;
        if (v instanceof List<?> l) return l.stream().allMatch(IoBuiltins::plain);
        return v instanceof Record r && r.asMap().values().stream().allMatch(IoBuiltins::plain);
    }

    /** Language values as the plain Java the JSON writer takes. */
    private static Object toJson(Args a, Object v) {
        if (v == null || v instanceof Double || v instanceof String || v instanceof Boolean) return v;
        if (v instanceof Tensor t) return t.array();
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object x : l) out.add(toJson(a, x));
            return out;
        }
        if (v instanceof Record r) {
            Map<String, Object> out = new LinkedHashMap<>();
            r.asMap().forEach((k, x) -> out.put(k, toJson(a, x)));
            return out;
        }
        throw a.error("cannot save a " + Values.typeName(v) + " as JSON");
    }

    private static Object load(Args a, Path path) {
        String ext = extension(a, path);
        if (ext.equals("npy")) {
            return new Tensor(NpyReader.readArray(path, Tensors.dtype()));
        }
        String text = TextFile.read("load", path);
        try {
            if (ext.equals("json")) {
                Object json = JsonText.read(text);
                return ValueJson.isDocument(json) ? ValueJson.read(text, a.session()) : fromJson(json);
            }
            return new TableValue(csvTable(a, path, text));
        } catch (IllegalArgumentException e) {
            throw a.error(path + ": " + e.getMessage());
        }
    }

    private static Object fromJson(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put((String) k, fromJson(x)));
            return new Record(out);
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object x : l) out.add(fromJson(x));
            return Collections.unmodifiableList(out);
        }
        return v;
    }

    /** A CSV with a header row; cells that parse as numbers become numbers. */
    private static Table csvTable(Args a, Path path, String text) {
        List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty()) throw a.error(path + ": empty file");
        List<String> header = List.of(lines.get(0).split(",", -1));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",", -1);
            if (cells.length != header.size()) {
                throw a.error(path + ":" + (i + 1) + ": " + cells.length + " cells, the header has " + header.size());
            }
            Map<String, Object> row = new LinkedHashMap<>();
            for (int j = 0; j < cells.length; j++) row.put(header.get(j).trim(), cell(cells[j].trim()));
            rows.add(row);
        }
        return new Table(header.stream().map(String::trim).toList(), rows);
    }

    private static Object cell(String s) {
        if (s.isEmpty()) return null;
        switch (s) {
            case "nan": return Double.NaN;
            case "inf": return Double.POSITIVE_INFINITY;
            case "-inf": return Double.NEGATIVE_INFINITY;
            default:
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
        }
    }
}
