package catapult.spark;

import catapult.engine.table.JsonText;
import catapult.lang.builtins.BuiltinRegistry;
import catapult.lang.codec.ValueDecoder;
import catapult.lang.codec.ValueEncoder;
import catapult.lang.errors.CatapultError;
import catapult.lang.session.Session;
import catapult.lang.session.SessionSettings;
import catapult.lang.syntax.Span;
import catapult.lang.value.CatFunction;
import catapult.lang.value.Record;
import catapult.sweep.ThreadSweepEngine;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The executor's side: runs the body on one point of a shipment in a fresh session (with the
 * sweeping session's precision and guest-I/O permission, nothing else inherited) and answers with the row's fields or the
 * error, as JSON text. Failures of the body are answers, not task failures, so Spark retries
 * only what went wrong with the cluster (a lost executor), never a bug in the body.
 */
final class PointRun {
    private static volatile BuiltinRegistry registry;

    private PointRun() {}

    static String run(String shipment, int task) {
        Map<?, ?> doc = (Map<?, ?>) JsonText.read(shipment);
        SessionSettings settings = SessionSettings.defaults().withGuestIo(Boolean.TRUE.equals(doc.get("guest_io")));
        try (Session session = Session.create(registry(), settings)) {
            session.setPrecision(DataType.valueOf((String) doc.get("precision")));
            ValueDecoder dec = new ValueDecoder(session, doc);
            try {
                return session.enter(() -> {
                    CatFunction body = (CatFunction) dec.value(doc.get("body"));
                    Object point = dec.value(((List<?>) doc.get("points")).get(task));
                    Object result = session.call(body, List.of(point), Map.of(), Span.NONE);
                    Record fields = new Record(ThreadSweepEngine.fields(result));
                    return answer("fields", new ValueEncoder("sweep").encode(fields, "the body's result", Span.NONE));
                });
            } catch (CatapultError e) {
                return answer("error", error(e, dec));
            }
        }
    }

    private static synchronized BuiltinRegistry registry() {
        if (registry == null) registry = BuiltinRegistry.standard();
        return registry;
    }

    private static Map<String, Object> error(CatapultError e, ValueDecoder dec) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("message", e.message());
        Span at = e.span();
        if (at != null) {
            Integer source = dec.sourceId(at.file());
            if (source != null) out.put("source", (double) source);
            out.put("file", at.file().name());
            out.put("line", (double) at.line());
            out.put("column", (double) at.column());
            out.put("length", (double) at.length());
        }
        out.put("trace", e.trace());
        return out;
    }

    private static String answer(String key, Object value) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(key, value);
        return JsonText.write(out);
    }
}
