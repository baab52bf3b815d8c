package catapult.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import catapult.builtins.TableValue;
import catapult.builtins.TerminalHost;
import catapult.engine.table.Table;
import catapult.engine.train.Progress;
import catapult.lang.errors.CatapultError;
import catapult.lang.eval.Interpreter;
import catapult.lang.session.Session;
import catapult.lang.session.SessionSettings;
import catapult.lang.syntax.Span;
import catapult.lang.value.CatFunction;
import catapult.lang.value.Record;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sweep on worker threads: rows in grid order, errors stopping or recorded, rows saved as
 * they finish and a rerun computing only what the file lacks (torn last line dropped), a file of
 * another grid refused, interrupts keeping finished rows, progress counting points.
 */
class SweepRunnerTest {
    @TempDir Path dir;

    private static Session session() {
        return Session.standard(SessionSettings.defaults().withOut(new ByteArrayOutputStream()));
    }

    private static Table table(Session s, String code) {
        return ((TableValue) s.run(code, "sweep.cat")).table();
    }

    /** A body written in Java that counts its calls: {score: lr * 10 + seed}. */
    private static final class CountingBody implements CatFunction {
        final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        final AtomicInteger total = new AtomicInteger();
        volatile Runnable onCall = () -> { };

        @Override public String name() { return "body"; }

        @Override
        public Object call(Interpreter interp, List<Object> args, Map<String, Object> named, Span site) {
            Record p = (Record) args.get(0);
            calls.computeIfAbsent(p.show(), k -> new AtomicInteger()).incrementAndGet();
            total.incrementAndGet();
            onCall.run();
            return Record.of("score", (Double) p.get("lr") * 10 + (Double) p.get("seed"), "tag", "s" + p.get("seed"));
        }
    }

    private Table sweep(Session s, CatFunction body, Path file) {
        Grid grid = new Grid(Map.of("lr", List.<Object>of(0.1, 0.2)).entrySet().stream().collect(
                java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (x, y) -> x, java.util.LinkedHashMap::new)));
        java.util.LinkedHashMap<String, List<Object>> axes = new java.util.LinkedHashMap<>(grid.axes());
        axes.put("seed", List.of(0.0, 1.0, 2.0));
        return new SweepRunner(s, new Grid(axes), body, new SweepSettings("threads", file, false, 2), Span.NONE).run();
    }

    @Test
    void rowsComeInGridOrderWithKeysThenFields() {
        Table t = table(session(), "sweep({a: [1, 2], b: 0..2}, cfg => {prod: cfg.a * cfg.b}, threads: 2)");
        assertEquals(List.of("a", "b", "prod"), t.columns());
        assertEquals(List.of(1.0, 1.0, 1.0, 2.0, 2.0, 2.0), t.col("a"));
        assertEquals(List.of(0.0, 1.0, 2.0, 0.0, 2.0, 4.0), t.col("prod"));
    }

    @Test
    void eachPointGetsAFreshRandomGenerator() {
        Table t = table(session(), "sweep({i: 1..6}, p => {r: randn(1)[0]}, threads: 3)");
        assertEquals(1, t.col("r").stream().distinct().count(), "every point draws the same first number: " + t.col("r"));
    }

    @Test
    void theFirstFailingPointStopsTheSweepAtItsPositionWithItsGridValues() {
        Session s = session();
        CatapultError e = assertThrows(CatapultError.class, () -> s.run("""
                fn body(cfg) {
                  let x = cfg.lr * 2
                  if cfg.seed == 1 { assert(x < 0, "x is positive") } else { {x: x} }
                }
                sweep({lr: [0.5], seed: [0, 1, 2]}, body, threads: 1)
                """, "fail.cat"));
        assertTrue(e.format().startsWith("fail.cat:3:"), e.format());
        assertTrue(e.message().startsWith("sweep: point {lr: 0.5, seed: 1} failed: "), e.message());
    }

    @Test
    void recordedErrorsKeepTheSweepGoing() {
        Table t = table(session(), """
                sweep({seed: [0, 1, 2]}, cfg => if cfg.seed == 1 { assert(false, "bad seed") } else { {ok: 1} }, errors: "record")
                """);
        assertEquals(3, t.size());
        assertEquals(List.of("seed", "ok", "error"), t.columns());
        assertTrue(((String) t.row(1).get("error")).contains("bad seed"), t.row(1).toString());
        assertEquals(null, t.row(0).get("error"));
    }

    @Test
    void aRerunComputesOnlyThePointsTheFileLacksAndDropsATornLine() throws Exception {
        Path file = dir.resolve("points.csv");
        CountingBody first = new CountingBody();
        Table full = sweep(session(), first, file);
        assertEquals(6, first.total.get());
        List<String> lines = Files.readAllLines(file);
        assertEquals(7, lines.size(), "header and one line per point: " + lines);
        assertEquals("lr,seed,score,tag", lines.get(0));
        // keep the header and three rows, then a row cut mid-way (a killed writer)
        Files.writeString(file, String.join("\n", lines.subList(0, 4)) + "\n" + lines.get(4).substring(0, 5));
        CountingBody second = new CountingBody();
        Table resumed = sweep(session(), second, file);
        assertEquals(3, second.total.get(), "only the three missing points ran: " + second.calls.keySet());
        assertEquals(full.rows(), resumed.rows());
        List<String> after = Files.readAllLines(file);
        assertEquals(7, after.size(), "each point exactly once: " + after);
        assertEquals(6, after.stream().skip(1).distinct().count());
    }

    @Test
    void cellsOfAnyValueSurviveTheFileExactly() {
        Path file = dir.resolve("values.csv");
        String code = "sweep({lr: [0.1, 1e-7, 3], name: [\"a,\\\"b\\\"\"]}, c => {t: eye(2) * c.lr, third: c.lr / 3, "
                + "nan: 0 / 0, list: [c.lr, \"x\"], flag: c.lr > 1}, save: \"" + file.toString().replace("\\", "/") + "\")";
        Table first = table(session(), code);
        Table again = table(session(), code);
        assertEquals(first.toString(), again.toString());
        assertEquals(first.col("third"), again.col("third"));
        assertEquals(first.col("t"), again.col("t"));
        assertEquals(first.col("list"), again.col("list"));
        assertTrue(Double.isNaN((Double) again.row(0).get("nan")));
    }

    @Test
    void aFileOfAnotherGridIsRefused() throws Exception {
        Path file = dir.resolve("other.csv");
        Files.writeString(file, "width,loss\n16,0.5\n");
        CatapultError e = assertThrows(CatapultError.class, () -> session().run(
                "sweep({lr: [0.1]}, c => {loss: 1}, save: \"" + file.toString().replace("\\", "/") + "\")", "g.cat"));
        assertTrue(e.message().contains("lack the grid key 'lr'"), e.message());
    }

    @Test
    void anInterruptKeepsTheRowsThatFinished() throws Exception {
        Session s = session();
        Path file = dir.resolve("stop.csv");
        CountingBody body = new CountingBody();
        body.onCall = () -> {
            if (body.total.get() == 3) s.requestInterrupt();
            try {
                Thread.sleep(30);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        Table t = sweep(s, body, file);
        assertTrue(t.size() < 6, "stopped early with " + t.size() + " rows");
        assertEquals(t.size() + 1, Files.readAllLines(file).size(), "the file holds exactly the table's rows");
    }

    @Test
    void progressCountsPoints() {
        Session s = session();
        List<Progress> seen = new CopyOnWriteArrayList<>();
        TerminalHost.install(s, new TerminalHost(seen::add, 0, 0, false));
        table(s, "sweep({a: 1..5}, c => {b: c.a})");
        Progress last = seen.get(seen.size() - 1);
        assertTrue(last.finished());
        assertEquals(List.of(5L, 5L), List.of(last.done(), last.total()));
    }

    @Test
    void sparkWithoutTheSparkModuleIsAClearError() {
        CatapultError e = assertThrows(CatapultError.class, () -> session().run("sweep({a: [1]}, c => c.a, on: \"spark\")", "o.cat"));
        assertTrue(e.format().startsWith("o.cat:1:1: sweep: on: \"spark\" needs the catapult-spark module"), e.format());
    }

    @Test
    void aRowThatAFileCannotKeepStopsTheSweepNamingItsColumn() {
        Path file = dir.resolve("runs.csv");
        CatapultError e = assertThrows(CatapultError.class, () -> session().run("""
                arch a() { output(dense(input(1), 1)) }
                sweep({i: [1]}, c => {run: train(init(a()), mixture(8, d: 1), gd(0.1), steps: 1)}, save: "%s")
                """.formatted(file.toString().replace("\\", "/")), "r.cat"));
        assertTrue(e.message().contains("column 'run' holds a value a file cannot keep (a run cannot leave"), e.message());
    }

    @Test
    void unknownEnginesAreRefusedAtTheCall() {
        CatapultError e = assertThrows(CatapultError.class, () -> session().run("sweep({a: [1]}, c => c.a, on: \"thread\")", "o.cat"));
        assertTrue(e.message().contains("argument 'on' must be \"threads\", \"spark\" or a Spark master URL"), e.message());
    }
}
