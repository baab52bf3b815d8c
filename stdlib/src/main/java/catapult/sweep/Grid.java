package catapult.sweep;

import catapult.lang.value.Record;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The named axes of a sweep and their Cartesian product, the first key varying slowest (like nested loops). */
public record Grid(Map<String, List<Object>> axes) {

    public Grid {
        for (Map.Entry<String, List<Object>> axis : axes.entrySet()) {
            if (axis.getValue().isEmpty()) throw new IllegalArgumentException("grid key '" + axis.getKey() + "' has no values");
        }
        axes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(axes));
    }

    public List<String> keys() { return List.copyOf(axes.keySet()); }

    /** Every point, in grid order. */
    public List<GridPoint> points() {
        List<Map<String, Object>> points = new ArrayList<>();
        points.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<Object>> axis : axes.entrySet()) {
            List<Map<String, Object>> next = new ArrayList<>();
            for (Map<String, Object> p : points) {
                for (Object v : axis.getValue()) {
                    Map<String, Object> q = new LinkedHashMap<>(p);
                    q.put(axis.getKey(), v);
                    next.add(q);
                }
            }
            points = next;
        }
        List<GridPoint> out = new ArrayList<>(points.size());
        for (int i = 0; i < points.size(); i++) out.add(new GridPoint(i, new Record(points.get(i))));
        return out;
    }
}
