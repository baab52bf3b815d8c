package catapult.spark;

import catapult.engine.table.JsonText;
import catapult.lang.codec.ValueDecoder;
import catapult.lang.codec.ValueEncoder;
import catapult.lang.errors.CatapultError;
import catapult.lang.errors.RuntimeError;
import catapult.lang.session.Session;
import catapult.lang.syntax.SourceFile;
import catapult.lang.syntax.Span;
import catapult.lang.value.Record;
import catapult.sweep.GridPoint;
import catapult.sweep.PointOutcome;
import catapult.sweep.SweepTask;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The driver's side of shipping a sweep: the body and the points to run, encoded once by value
 * as JSON text (what every task carries), and the outcomes tasks send back turned into rows and
 * into errors positioned in the driver's own source files.
 */
final class SweepShipment {
    private final String text;
    private final Map<Integer, SourceFile> sources;
    private final List<GridPoint> points;

    private SweepShipment(String text, Map<Integer, SourceFile> sources, List<GridPoint> points) {
        this.text = text;
        this.sources = sources;
        this.points = points;
    }

    /** Encodes the body and the points; an unshippable value fails here, before Spark starts. */
    static SweepShipment of(SweepTask task) {
        ValueEncoder enc = new ValueEncoder("sweep");
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("precision", task.session().precision().name());
        doc.put("guest_io", task.session().settings().guestIo());
        doc.put("body", enc.encode(task.body(), "the body", task.site()));
        List<Object> points = new ArrayList<>();
        for (GridPoint p : task.points()) points.add(enc.encode(p.values(), "the grid point " + catapult.lang.value.Printer.show(p.values()), task.site()));
        doc.put("points", points);
        return new SweepShipment(JsonText.write(doc), enc.sources(), task.points());
    }

    /** What each task carries. */
    String text() { return text; }

    int size() { return points.size(); }

    /** A task's answer as the sweep's outcome for that point. */
    PointOutcome outcome(int task, String answer, Session session) {
        int index = points.get(task).index();
        Map<?, ?> json = (Map<?, ?>) JsonText.read(answer);
        if (json.get("error") instanceof Map<?, ?> error) return PointOutcome.failed(index, error(error));
        Object tree = json.get("fields");
        Object fields = session.enter(() -> new ValueDecoder(session, tree).value(tree));
        return PointOutcome.done(index, ((Record) fields).asMap());
    }

    /** An error from an executor, pointing into the driver's copy of the source it came from. */
    private CatapultError error(Map<?, ?> e) {
        Object id = e.get("source");
        SourceFile file = id instanceof Double d ? sources.get(d.intValue()) : null;
        if (file == null) file = new SourceFile(String.valueOf(e.get("file")), "");
        Span span = new Span(file, num(e.get("line")), num(e.get("column")), num(e.get("length")));
        RuntimeError out = new RuntimeError(String.valueOf(e.get("message")), span);
        if (e.get("trace") instanceof List<?> trace) for (Object frame : trace) out.addTrace(String.valueOf(frame));
        return out;
    }

    private static int num(Object v) { return v instanceof Double d ? d.intValue() : 0; }
}
