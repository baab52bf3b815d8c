package catapult.engine.table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Group-by statistics of a {@link Table} ({@code mean_by}, {@code std_by}): one row per distinct
 * combination of the group columns, in order of first appearance, holding the groups and one
 * statistic of each measurement column over the group's rows. Missing cells are skipped.
 */
final class TableAggregates {
    private TableAggregates() {}

    static Table of(Table t, String method, String[] groups, ToDoubleFunction<double[]> statistic) {
        if (groups.length == 0) throw new IllegalArgumentException("grouping needs at least one column to group by");
        for (String g : groups) t.requireColumn(g);
        List<String> measured = new ArrayList<>(t.measurementColumns());
        measured.removeAll(List.of(groups));
        Map<List<Object>, List<Map<String, Object>>> members = new LinkedHashMap<>();
        for (Map<String, Object> r : t.rows()) {
            List<Object> key = new ArrayList<>();
            for (String g : groups) key.add(r.get(g));
            members.computeIfAbsent(key, x -> new ArrayList<>()).add(r);
        }
        List<Map<String, Object>> out = new ArrayList<>();
        members.forEach((key, rows) -> out.add(row(groups, key, measured, rows, statistic)));
        List<String> cols = new ArrayList<>(List.of(groups));
        cols.addAll(measured);
        return new Table(cols, out).withKeys(List.of(groups));
    }

    private static Map<String, Object> row(String[] groups, List<Object> key, List<String> measured,
                                           List<Map<String, Object>> rows, ToDoubleFunction<double[]> statistic) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < groups.length; i++) row.put(groups[i], key.get(i));
        for (String c : measured) {
            double[] values = rows.stream().map(r -> Table.asNumber(r.get(c))).filter(d -> d != null)
                    .mapToDouble(Double::doubleValue).toArray();
            row.put(c, values.length == 0 ? null : statistic.applyAsDouble(values));
        }
        return row;
    }

    static double mean(double[] v) {
        double sum = 0;
        for (double x : v) sum += x;
        return sum / v.length;
    }

    /** Sample standard deviation (divides by n - 1); NaN for one value. */
    static double std(double[] v) {
        if (v.length < 2) return Double.NaN;
        double m = mean(v);
        double ss = 0;
        for (double x : v) ss += (x - m) * (x - m);
        return Math.sqrt(ss / (v.length - 1));
    }
}
