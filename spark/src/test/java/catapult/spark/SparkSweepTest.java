package catapult.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import catapult.builtins.TableValue;
import catapult.engine.table.Table;
import catapult.lang.errors.CatapultError;
import catapult.lang.session.Session;
import catapult.lang.session.SessionSettings;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded Spark (local mode) against worker threads: the same table for the same seeds,
 * with the body, its functions, architectures, data and optimizers shipped by value; errors
 * positioned in the script; a bad master URL refused quickly.
 */
class SparkSweepTest {
    @TempDir Path dir;

    private static final String SETUP = """
            arch mlp(width = 16) {
              let x = input(2)
              output(dense(tanh(dense(x, width)), 1))
            }
            let data = regress(mixture(32, d: 2, seed: 1), "rank2")
            let base = init(mlp(width: 8), seed: 0)
            fn fn_opt(lr) = sgd(lr, batch: 8)
            let opt = fn_opt(0.05)
            fn point(cfg) {
              let net = init(mlp(width: cfg.width), seed: cfg.seed)
              let run = train(net, data, gd(cfg.lr), steps: 20, seed: cfg.seed)
              let other = train(copy(base), data, opt, steps: 5, seed: cfg.seed)
              {loss: run.final.loss, other: other.final.loss, w: net.w[0], noise: randn(1)[0]}
            }
            """;

    private static Session session() {
        return Session.standard(SessionSettings.defaults().withOut(new ByteArrayOutputStream()));
    }

    private static Table sweep(Session s, String on) {
        String code = "sweep({width: [8, 16], lr: [0.05, 0.2], seed: 0..1}, point, on: \"" + on + "\")";
        return ((TableValue) s.run(code, "sweep.cat")).table();
    }

    @Test
    void sparkGivesTheSameTableAsThreads() {
        Session s = session();
        s.run(SETUP, "setup.cat");
        Table threads = sweep(s, "threads");
        Table spark = sweep(s, "spark");
        assertEquals(8, spark.size());
        assertEquals(threads.columns(), spark.columns());
        assertEquals(threads.rows(), spark.rows());
    }

    @Test
    void aFailingPointOnSparkPointsIntoTheScript() {
        Session s = session();
        CatapultError e = assertThrows(CatapultError.class, () -> s.run("""
                let k = 2
                fn body(cfg) {
                  if cfg.a == 2 { assert(cfg.a * k < 0, "positive") } else { cfg.a }
                }
                sweep({a: [1, 2]}, body, on: "spark")
                """, "bad.cat"));
        assertTrue(e.format().startsWith("bad.cat:3:"), e.format());
        assertTrue(e.message().contains("sweep: point {a: 2} failed:"), e.message());
    }

    @Test
    void savedSparkRowsResume() throws Exception {
        Path file = dir.resolve("p.csv");
        String code = "sweep({a: 1..4}, c => {b: c.a * 2}, on: \"spark\", save: \"" + file.toString().replace("\\", "/") + "\")";
        Table first = ((TableValue) session().run(code, "s.cat")).table();
        List<String> lines = Files.readAllLines(file);
        Files.writeString(file, String.join("\n", lines.subList(0, 3)) + "\n");
        Table second = ((TableValue) session().run(code, "s.cat")).table();
        assertEquals(first.rows(), second.rows());
        assertEquals(5, Files.readAllLines(file).size());
    }

    @Test
    void pointsRunInTheSweepingSessionsPrecision() {
        Session s = session();
        Table t = ((TableValue) s.run("precision(64)\nsweep({i: [1, 2]}, p => {dtype: randn(2, seed: p.i).dtype}, on: \"spark\")",
                "p.cat")).table();
        assertEquals(List.of("double", "double"), t.col("dtype"));
    }

    @Test
    void guestFunctionsTravelAsTheirSource() {
        Session s = session();
        s.run("let double = js(\"x => x * 2\")\nfn body(c) = {y: double(c.a)}", "g.cat");
        Table spark = ((TableValue) s.run("sweep({a: [1, 2, 3]}, body, on: \"spark\")", "g.cat")).table();
        assertEquals(List.of(2.0, 4.0, 6.0), spark.col("y"));
    }

    @Test
    void anInterruptStopsTheSparkJobAndKeepsTheSavedRows() throws Exception {
        Session s = Session.standard(SessionSettings.defaults().withOut(new ByteArrayOutputStream())
                .withInterruptMode(catapult.lang.session.InterruptMode.STOP_CURRENT_WORK));
        Path file = dir.resolve("stop.csv");
        s.run("""
                arch a() { output(dense(tanh(dense(input(2), 32)), 1)) }
                let data = regress(mixture(32, d: 2, seed: 1), "rank2")
                fn slow(c) = {loss: train(init(a(), seed: c.i), data, gd(0.05), steps: 400).final.loss}
                """, "i.cat");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
        java.util.concurrent.Future<Object> running = pool.submit(() -> s.run(
                "let t = sweep({i: 1..12}, slow, on: \"local[1]\", save: \"" + file.toString().replace("\\", "/") + "\")", "i.cat"));
        while (!(Files.exists(file) && Files.readAllLines(file).size() >= 2)) {
            assertTrue(!running.isDone(), "the sweep ended before it was interrupted");
            Thread.sleep(50);
        }
        s.requestInterrupt();
        running.get(120, java.util.concurrent.TimeUnit.SECONDS);
        pool.shutdown();
        Table t = ((TableValue) s.getGlobal("t")).table();
        assertTrue(t.size() >= 1 && t.size() < 12, "stopped early with " + t.size() + " rows");
        assertEquals(t.size() + 1, Files.readAllLines(file).size(), "the file holds exactly the table's rows");
    }

    @Test
    void aBadMasterUrlFailsQuicklyAndClearly() {
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            CatapultError e = assertThrows(CatapultError.class,
                    () -> session().run("sweep({a: [1]}, c => c.a, on: \"spark://127.0.0.1:1\")", "m.cat"));
            assertTrue(e.message().contains("cannot reach the Spark master at spark://127.0.0.1:1"), e.message());
            CatapultError e2 = assertThrows(CatapultError.class,
                    () -> session().run("sweep({a: [1]}, c => c.a, on: \"spark://no-such-host.invalid:7077\")", "m.cat"));
            assertTrue(e2.message().contains("unknown host"), e2.message());
        });
    }

    @Test
    void anUnshippableCaptureIsNamed() {
        Session s = session();
        CatapultError e = assertThrows(CatapultError.class, () -> s.run("""
                arch a() { output(dense(input(1), 1)) }
                let r = train(init(a()), mixture(8, d: 1), gd(0.1), steps: 1)
                sweep({i: [1]}, c => c.i + r.steps, on: "spark")
                """, "u.cat"));
        assertTrue(e.format().startsWith("u.cat:3:28: sweep: cannot ship 'r' (captured by the body): a run"), e.format());
    }
}
