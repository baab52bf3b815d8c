package catapult.engine.table;

import catapult.engine.io.AtomicWrite;
import catapult.engine.table.TableText;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * An immutable list of records with a column order: what sweeps, {@code phases} and
 * {@code run.table()} return, and what scripts filter, group and save. Cells are numbers,
 * strings, booleans or null (a record that lacks a column); every operation returns a new table.
 */
public final class Table {

    private final List<String> columns;
    private final List<Map<String, Object>> rows;

    /** A table with the given column order; rows may lack columns (null cells). */
    public Table(List<String> columns, List<? extends Map<String, ?>> rows) {
        this.columns = List.copyOf(columns);
        List<Map<String, Object>> copy = new ArrayList<>(rows.size());
        for (Map<String, ?> r : rows) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (String c : this.columns) row.put(c, r.get(c));
            copy.add(Collections.unmodifiableMap(row));
        }
        this.rows = Collections.unmodifiableList(copy);
    }

    /** Columns in order of first appearance across the records. */
    public static Table of(List<? extends Map<String, ?>> records) {
        Set<String> cols = new LinkedHashSet<>();
        for (Map<String, ?> r : records) cols.addAll(r.keySet());
        return new Table(new ArrayList<>(cols), records);
    }

    public List<String> columns() { return columns; }

    public int size() { return rows.size(); }

    public List<Map<String, Object>> rows() { return rows; }

    public Map<String, Object> row(int i) { return rows.get(i); }

    /** The cells of one column, top to bottom. */
    public List<Object> col(String name) {
        requireColumn(name);
        List<Object> out = new ArrayList<>(rows.size());
        for (Map<String, Object> r : rows) out.add(r.get(name));
        return out;
    }

    /** A numeric column as doubles (booleans as 0/1, missing cells as NaN). */
    public double[] numbers(String name) {
        List<Object> cells = col(name);
        double[] out = new double[cells.size()];
        for (int i = 0; i < out.length; i++) {
            Double d = asNumber(cells.get(i));
            if (d == null && cells.get(i) != null) {
                throw new IllegalArgumentException("column '" + name + "' is not numeric: row " + i + " holds " + cells.get(i));
            }
            out[i] = d == null ? Double.NaN : d;
        }
        return out;
    }

    /** The rows for which {@code keep} holds, in order. */
    public Table where(Predicate<Map<String, Object>> keep) {
        List<Map<String, Object>> kept = new ArrayList<>();
        for (Map<String, Object> r : rows) if (keep.test(r)) kept.add(r);
        return new Table(columns, kept);
    }

    /** Rows sorted ascending by a column (stable; numbers before text, empty cells last). */
    public Table sort(String name) {
        return sort(name, false);
    }

    public Table sort(String name, boolean descending) {
        requireColumn(name);
        Comparator<Map<String, Object>> order = Comparator.comparing(r -> r.get(name), Table::compareCells);
        List<Map<String, Object>> sorted = new ArrayList<>(rows);
        sorted.sort(descending ? order.reversed() : order);
        return new Table(columns, sorted);
    }

    /**
     * One row per distinct combination of the key columns (in order of first appearance) holding
     * the keys and the mean of every other numeric column over the group; booleans average as 0/1
     * (a fraction), text columns other than the keys are dropped.
     */
    public Table meanBy(String... keys) {
        if (keys.length == 0) throw new IllegalArgumentException("mean_by: give at least one key column");
        for (String k : keys) requireColumn(k);
        List<String> averaged = numericColumnsOtherThan(List.of(keys));
        Map<List<Object>, List<Map<String, Object>>> groups = new LinkedHashMap<>();
        for (Map<String, Object> r : rows) {
            List<Object> key = new ArrayList<>();
            for (String k : keys) key.add(r.get(k));
            groups.computeIfAbsent(key, x -> new ArrayList<>()).add(r);
        }
        List<Map<String, Object>> out = new ArrayList<>();
        groups.forEach((key, members) -> out.add(groupMean(keys, key, averaged, members)));
        List<String> cols = new ArrayList<>(List.of(keys));
        cols.addAll(averaged);
        return new Table(cols, out);
    }

    private static Map<String, Object> groupMean(String[] keys, List<Object> key, List<String> averaged,
                                                 List<Map<String, Object>> members) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < keys.length; i++) row.put(keys[i], key.get(i));
        for (String c : averaged) {
            double sum = 0;
            int count = 0;
            for (Map<String, Object> m : members) {
                Double d = asNumber(m.get(c));
                if (d != null) {
                    sum += d;
                    count++;
                }
            }
            row.put(c, count == 0 ? null : sum / count);
        }
        return row;
    }

    private List<String> numericColumnsOtherThan(List<String> keys) {
        List<String> out = new ArrayList<>();
        for (String c : columns) {
            if (keys.contains(c)) continue;
            boolean numeric = true;
            boolean any = false;
            for (Map<String, Object> r : rows) {
                Object v = r.get(c);
                if (v == null) continue;
                any = true;
                if (asNumber(v) == null) numeric = false;
            }
            if (numeric && any) out.add(c);
        }
        return out;
    }

    /** Writes .csv or .json (chosen by the extension). */
    public void save(Path path) {
        String text = TableText.forFile(this, path);
        try {
            AtomicWrite.writeString(path, text);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write table to " + path + ": " + e.getMessage(), e);
        }
    }

    public String toCsv() { return TableText.csv(this); }

    public String toJson() { return TableText.json(this); }

    /** Aligned text for printing, numbers right-aligned. */
    @Override
    public String toString() { return TableText.pretty(this); }

    static Double asNumber(Object v) {
        if (v instanceof Number n) return n.doubleValue();
        if (v instanceof Boolean b) return b ? 1.0 : 0.0;
        return null;
    }

    private static int compareCells(Object a, Object b) {
        if (a == null || b == null) return a == null ? (b == null ? 0 : 1) : -1;
        Double x = a instanceof Number n ? n.doubleValue() : null;
        Double y = b instanceof Number n ? n.doubleValue() : null;
        if (x != null && y != null) return Double.compare(x, y);
        if (x != null || y != null) return x != null ? -1 : 1;
        return a.toString().compareTo(b.toString());
    }

    private void requireColumn(String name) {
        if (!columns.contains(name)) {
            throw new IllegalArgumentException("table has no column '" + name + "'; columns are " + columns);
        }
    }
}
