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
        return new TableValue(table.rows(start, stop, step));
    }

    @Override public String show() { return table.toString(); }

    @Override public Object toHost() {
        List<Object> rows = new ArrayList<>();
        for (int i = 0; i < table.size(); i++) rows.add(new Record(table.row(i)));
        return Collections.unmodifiableList(rows);
    }

    @Override public List<String> fieldNames() {
        return List.of("columns", "keys", "rows", "n", "col", "where", "sort", "mean_by", "std_by", "save");
    }

    /**
     * Names researchers bring from pandas and dplyr, each with the method that does it here: a
     * call such as {@code t.column("b")} fails with a pointer to {@code t.col("b")}.
     */
    private static final Map<String, String> FOREIGN_NAMES = Map.of(
            "column", "col(\"name\")", "query", "where(r => ...)", "sort_values", "sort(\"name\")",
            "sort_by", "sort(\"name\")", "groupby", "mean_by(\"name\") or std_by(\"name\")",
            "group_by", "mean_by(\"name\") or std_by(\"name\")", "to_csv", "save(\"file.csv\")");

    @Override
    public Object field(String name) {
        switch (name) {
            case "columns": return strings(table.columns());
            case "keys": return strings(table.keys());
            case "n": return (double) table.size();
            case "rows": return toHost();
            case "col": return method("col", (interp, args, site) -> Collections.unmodifiableList(table.col(string(args, 0, "col", site))));
            case "sort": return method("sort", (interp, args, site) -> new TableValue(table.sort(string(args, 0, "sort", site),
                    args.size() > 1 && Values.truthy(args.get(1)))));
            case "where": return method("where", (interp, args, site) -> where(interp, args, site));
            case "mean_by": return method("mean_by", (interp, args, site) -> new TableValue(table.meanBy(strings(args, "mean_by", site))));
            case "std_by": return method("std_by", (interp, args, site) -> new TableValue(table.stdBy(strings(args, "std_by", site))));
            case "save": return method("save", (interp, args, site) -> {
                table.save(UserFiles.writable(interp, Path.of(string(args, 0, "save", site)), site));
                return null;
            });
            default:
                String instead = FOREIGN_NAMES.get(name);
                return instead == null ? NO_FIELD : method(name, (interp, args, site) -> {
                    throw new RuntimeError("a table has no method '" + name + "'; write t." + instead, site);
                });
        }
    }

    private static List<Object> strings(List<String> names) {
        return Collections.unmodifiableList(new ArrayList<Object>(names));
    }

    private static String[] strings(List<Object> args, String method, Span site) {
        String[] out = new String[args.size()];
        for (int i = 0; i < out.length; i++) out[i] = string(args, i, method, site);
        return out;
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
