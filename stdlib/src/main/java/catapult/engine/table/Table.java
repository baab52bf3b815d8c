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

    private static final String SEED = "seed";

    private final List<String> columns;
    private final List<Map<String, Object>> rows;
    private final List<String> keys;

    /** A table with the given column order; rows may lack columns (null cells). */
    public Table(List<String> columns, List<? extends Map<String, ?>> rows) {
        this(columns, rows, List.of());
    }

    private Table(List<String> columns, List<? extends Map<String, ?>> rows, List<String> keys) {
        this.keys = List.copyOf(keys);
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

    /** Rows start, start + step, ... before stop (bounds already checked), with this table's keys. */
    public Table rows(int start, int stop, int step) {
        List<Map<String, Object>> picked = new ArrayList<>();
        for (int i = start; step > 0 ? i < stop : i > stop; i += step) picked.add(rows.get(i));
        return new Table(columns, picked, keys);
    }

    /** The rows for which {@code keep} holds, in order. */
    public Table where(Predicate<Map<String, Object>> keep) {
        List<Map<String, Object>> kept = new ArrayList<>();
        for (Map<String, Object> r : rows) if (keep.test(r)) kept.add(r);
        return new Table(columns, kept, keys);
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
        return new Table(columns, sorted, keys);
    }

    /**
     * One row per distinct combination of the group columns (in order of first appearance)
     * holding the groups and the mean of every measurement column over the group; booleans
     * average as 0/1 (a fraction). Key columns not grouped by (a sweep's other grid keys, such
     * as seed) and text columns are dropped: they are what the mean runs over, not data.
     */
    public Table meanBy(String... groups) {
        return TableAggregates.of(this, "mean_by", groups, TableAggregates::mean);
    }

    /**
     * As {@link #meanBy}, with the sample standard deviation (n - 1 in the denominator, as
     * pandas' std) of each measurement column instead of the mean; NaN for a group of one row.
     */
    public Table stdBy(String... groups) {
        return TableAggregates.of(this, "std_by", groups, TableAggregates::std);
    }

    /**
     * The columns that say which point a row belongs to rather than what was measured there:
     * the keys this table was given ({@link #withKeys}: a sweep's grid names, a run table's
     * step) and any column named seed.
     */
    public List<String> keys() {
        List<String> out = new ArrayList<>(keys);
        if (columns.contains(SEED) && !out.contains(SEED)) out.add(SEED);
        return out;
    }

    /** This table with the given key columns (those it has), in place of the ones it had. */
    public Table withKeys(java.util.Collection<String> keyColumns) {
        List<String> kept = new ArrayList<>();
        for (String k : keyColumns) if (columns.contains(k) && !kept.contains(k)) kept.add(k);
        return new Table(columns, rows, kept);
    }

    /** Numeric (or boolean) columns that are not keys: what mean_by and std_by aggregate. */
    List<String> measurementColumns() {
        List<String> keyed = keys();
        List<String> out = new ArrayList<>();
        for (String c : columns) {
            if (keyed.contains(c)) continue;
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

    void requireColumn(String name) {
        if (!columns.contains(name)) {
            throw new IllegalArgumentException("table has no column '" + name + "'; columns are " + columns);
        }
    }
}
