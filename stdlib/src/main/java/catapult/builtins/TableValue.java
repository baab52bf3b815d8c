package catapult.builtins;

import catapult.engine.table.Table;
import catapult.lang.builtins.Type;
import catapult.lang.errors.RuntimeError;
import catapult.lang.eval.Interpreter;
import catapult.lang.syntax.Span;
import catapult.lang.value.CatFunction;
import catapult.lang.value.CatValue;
import catapult.lang.value.Record;
import catapult.lang.value.Values;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A table as a language value (LANGUAGE.md section 9): rows are records; `t.col("lr")`,
 * `t.where(r => ...)`, `t.sort("lr")`, `t.mean_by("lr", "model")`, `t.save(path)`;
 * iterating or indexing gives rows.
 */
public final class TableValue implements CatValue.Sequence {
    public static final Type TYPE = Type.of(TableValue.class, "table");

    private final Table table;

    public TableValue(Table table) { this.table = table; }

    public Table table() { return table; }

    @Override public String typeName() { return "table"; }

    @Override public int length() { return table.size(); }

    @Override public Object get(int i) { return new Record(table.row(i)); }

    @Override public Object slice(int start, int stop, int step) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = start; step > 0 ? i < stop : i > stop; i += step) rows.add(table.row(i));
        return new TableValue(new Table(table.columns(), rows));
    }

    @Override public String show() { return table.toString(); }

    @Override public Object toHost() {
        List<Object> rows = new ArrayList<>();
        for (int i = 0; i < table.size(); i++) rows.add(new Record(table.row(i)));
        return Collections.unmodifiableList(rows);
    }

    @Override public List<String> fieldNames() {
        return List.of("columns", "rows", "n", "col", "where", "sort", "mean_by", "save");
    }

    @Override
    public Object field(String name) {
        switch (name) {
            case "columns": return Collections.unmodifiableList(new ArrayList<Object>(table.columns()));
            case "n": return (double) table.size();
            case "rows": return toHost();
            case "col": return method("col", (interp, args, site) -> Collections.unmodifiableList(table.col(string(args, 0, "col", site))));
            case "sort": return method("sort", (interp, args, site) -> new TableValue(table.sort(string(args, 0, "sort", site),
                    args.size() > 1 && Values.truthy(args.get(1)))));
            case "where": return method("where", (interp, args, site) -> where(interp, args, site));
            case "mean_by": return method("mean_by", (interp, args, site) -> {
                String[] keys = new String[args.size()];
                for (int i = 0; i < keys.length; i++) keys[i] = string(args, i, "mean_by", site);
                return new TableValue(table.meanBy(keys));
            });
            case "save": return method("save", (interp, args, site) -> {
                table.save(UserFiles.writable(interp, Path.of(string(args, 0, "save", site)), site));
                return null;
            });
            default: return NO_FIELD;
        }
    }

    private Object where(Interpreter interp, List<Object> args, Span site) {
        if (args.size() != 1 || !(args.get(0) instanceof CatFunction f)) throw new RuntimeError("where: expects a predicate r => ...", site);
        return new TableValue(table.where(row -> Values.truthy(interp.call(f, List.of(new Record(row)), site))));
    }

    private static String string(List<Object> args, int i, String method, Span site) {
        if (i >= args.size() || !(args.get(i) instanceof String s)) throw new RuntimeError(method + ": expects a column name", site);
        return s;
    }

    /** A method taking positional arguments. */
    interface Body { Object call(Interpreter interp, List<Object> args, Span site); }

    static CatFunction method(String name, Body body) {
        return new CatFunction() {
            @Override public String name() { return name; }

            @Override public Object call(Interpreter interp, List<Object> args, Map<String, Object> named, Span site) {
                if (!named.isEmpty()) throw new RuntimeError(name + ": takes positional arguments only", site);
                try {
                    return body.call(interp, args, site);
                } catch (IllegalArgumentException | IllegalStateException e) {
                    throw new RuntimeError(name + ": " + e.getMessage(), site);
                }
            }
        };
    }
}
