package catapult.sweep;

import catapult.builtins.TerminalHost;
import catapult.engine.table.Table;
import catapult.engine.train.ProgressThrottle;
import catapult.lang.errors.CatapultError;
import catapult.lang.errors.RuntimeError;
import catapult.lang.session.Session;
import catapult.lang.syntax.Span;
import catapult.lang.value.CatFunction;
import catapult.lang.value.Printer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One {@code sweep} call from start to table: reads the points file (if any) to skip the points
 * already done, hands the rest to the engine, and for each point that finishes — in whatever
 * order — appends its row to the file, counts it on the progress bar and keeps it for the
 * table. With {@code errors: "fail"} the first failing point stops the sweep and is rethrown
 * at its position in the body with its grid values; with {@code errors: "record"} its message
 * goes into the row's {@code error} column. An interrupt stops the sweep with the rows that had
 * finished; rows arriving after a stop are dropped (their bodies may have been cut short).
 */
public final class SweepRunner {
    private final Session session;
    private final Grid grid;
    private final CatFunction body;
    private final SweepSettings settings;
    private final Span site;
    private final Map<Integer, Map<String, Object>> rows = new TreeMap<>();
    private final ProgressThrottle progress;
    private PointsFile file;
    private volatile boolean stopped;
    private CatapultError failure;
    private GridPoint failedPoint;

    public SweepRunner(Session session, Grid grid, CatFunction body, SweepSettings settings, Span site) {
        this.session = session;
        this.grid = grid;
        this.body = body;
        this.settings = settings;
        this.site = site;
        this.progress = new ProgressThrottle(TerminalHost.progress(session), "sweep");
    }

    /** Runs the sweep; the table has one row per finished point, in grid order. */
    public Table run() {
        List<GridPoint> points = grid.points();
        SweepEngine engine = SweepEngines.find(settings.on(), site);
        try (PointsFile f = settings.save() == null ? null : open()) {
            file = f;
            List<GridPoint> todo = resume(points);
            report(points.size());
            if (!todo.isEmpty()) {
                engine.run(new SweepTask(session, body, todo, site, settings.on(), settings.threads(),
                        this::stopping, outcome -> finished(outcome, points)));
            }
        } catch (IOException e) {
            throw new RuntimeError("sweep: cannot write " + settings.save() + ": " + e.getMessage(), site);
        } catch (IllegalArgumentException e) {
            throw new RuntimeError("sweep: cannot save to " + settings.save() + ": " + e.getMessage(), site);
        }
        if (failure != null) throw pointFailed();
        return Table.of(new ArrayList<>(rows.values())).withKeys(grid.keys());
    }

    private PointsFile open() {
        try {
            return PointsFile.open(settings.save(), grid.keys());
        } catch (IOException e) {
            throw new RuntimeError("sweep: cannot read " + settings.save() + ": " + e.getMessage(), site);
        } catch (IllegalArgumentException e) {
            throw new RuntimeError("sweep: " + e.getMessage(), site);
        }
    }

    /** The points the file does not hold yet; the rows it holds go into the table. */
    private List<GridPoint> resume(List<GridPoint> points) {
        if (file == null) return points;
        Map<String, Map<String, String>> saved = new LinkedHashMap<>();
        for (Map<String, String> row : file.rows()) saved.putIfAbsent(file.key(row), row);
        List<GridPoint> todo = new ArrayList<>();
        for (GridPoint p : points) {
            Map<String, String> row = saved.get(file.key(cells(p.values().asMap())));
            if (row == null) todo.add(p);
            else rows.put(p.index(), values(row));
        }
        return todo;
    }

    private boolean stopping() {
        return stopped || session.interruptPending();
    }

    private synchronized void finished(PointOutcome outcome, List<GridPoint> points) {
        if (stopping()) return;
        GridPoint p = points.get(outcome.index());
        Map<String, Object> row = new LinkedHashMap<>(p.values().asMap());
        if (outcome.ok()) {
            row.putAll(outcome.fields());
        } else if (settings.recordErrors()) {
            row.put("error", oneLine(outcome.failure()));
        } else {
            failure = outcome.failure();
            failedPoint = p;
            stopped = true;
            return;
        }
        save(row);
        rows.put(p.index(), row);
        report(points.size());
    }

    private void save(Map<String, Object> row) {
        if (file == null) return;
        try {
            file.append(cells(row));
        } catch (IOException | RuntimeException e) {
            stopped = true;
            failure = new RuntimeError("sweep: cannot save a row to " + settings.save() + ": " + e.getMessage(), site);
        }
    }

    private void report(int total) {
        progress.report(rows.size(), total, Double.NaN, Double.NaN, Double.NaN, rows.size() == total);
    }

    /** The failure of a point, at its place in the body, naming the point's grid values. */
    private CatapultError pointFailed() {
        if (failedPoint == null) return failure;
        RuntimeError e = new RuntimeError("sweep: point " + Printer.show(failedPoint.values()) + " failed: " + failure.message(),
                failure.span());
        for (String frame : failure.trace()) e.addTrace(frame);
        e.addTrace("in sweep, called at " + site.location());
        return e;
    }

    private static String oneLine(CatapultError e) {
        Span at = e.span();
        String where = at == null || at.line() <= 0 ? "" : at.location() + ": ";
        return (where + e.message()).replace('\n', ' ');
    }

    private static Map<String, String> cells(Map<String, Object> values) {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            try {
                out.put(k, PointCells.write(v));
            } catch (CatapultError e) {
                throw new IllegalArgumentException("column '" + k + "' holds a value a file cannot keep ("
                        + e.message().replaceFirst("^.*?: cannot ship [^:]*: ", "") + "); return plain values for it");
            }
        });
        return out;
    }

    /** A saved row as values; empty cells of other columns are left out, as the body never returned them. */
    private Map<String, Object> values(Map<String, String> cells) {
        Map<String, Object> out = new LinkedHashMap<>();
        cells.forEach((k, cell) -> {
            if (!cell.isEmpty() || grid.keys().contains(k)) out.put(k, PointCells.read(cell, session));
        });
        return out;
    }
}
