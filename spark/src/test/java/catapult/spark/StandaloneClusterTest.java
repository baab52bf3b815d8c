package catapult.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import catapult.builtins.TableValue;
import catapult.engine.table.Table;
import catapult.lang.session.Session;
import catapult.lang.session.SessionSettings;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sweeps on a real standalone cluster (Master and Worker as child JVMs on 127.0.0.1): the jars
 * are shipped to the executor, the table equals the threads one, and when the executor JVM is
 * killed (kill -9) in the middle of a sweep, Spark reruns its lost tasks on a new executor, the
 * table is complete and the saved file holds each point exactly once. Slow (cluster and executor
 * start-up), so it runs as its own CI step (tag "standalone").
 */
@Tag("standalone")
class StandaloneClusterTest {
    @TempDir Path dir;

    private static final String SETUP = """
            arch mlp(width = 16) {
              let x = input(2)
              output(dense(tanh(dense(x, width)), 1))
            }
            let data = regress(mixture(64, d: 2, seed: 1), "rank2")
            fn point(cfg) {
              let net = init(mlp(width: cfg.width), seed: cfg.seed)
              let run = train(net, data, gd(0.1), steps: cfg.steps, seed: cfg.seed)
              {loss: run.final.loss, w: net.w[0]}
            }
            """;

    @AfterAll
    static void stopSpark() {
        SparkContexts.stop();
    }

    private static Table sweep(Session s, String grid, String options) {
        return ((TableValue) s.run("sweep(" + grid + ", point" + options + ")", "cluster.cat")).table();
    }

    @Test
    void sweepsRunOnTheClusterAndSurviveAKilledExecutor() throws Exception {
        try (StandaloneCluster cluster = StandaloneCluster.start(dir)) {
            Session s = Session.standard(SessionSettings.defaults().withOut(new ByteArrayOutputStream()));
            s.run(SETUP, "setup.cat");
            String on = ", on: \"" + cluster.masterUrl() + "\"";
            String small = "{width: [8, 16], seed: [0, 1], steps: [20]}";
            assertEquals(sweep(s, small, "").rows(), sweep(s, small, on).rows(), "the cluster's table is the threads' table");

            ProcessHandle first = cluster.executor().orElseThrow(() -> new AssertionError("no executor JVM under the worker"));
            Path file = dir.resolve("points.csv");
            String grid = "{width: [8, 16, 24], seed: 0..3, steps: [300]}";
            String saved = on + ", save: \"" + file.toString().replace("\\", "/") + "\"";
            ExecutorService pool = Executors.newSingleThreadExecutor();
            Future<Table> running = pool.submit(() -> sweep(s, grid, saved));
            awaitLines(file, 3, running);
            assertTrue(first.destroyForcibly(), "killed the executor");
            first.onExit().get(30, TimeUnit.SECONDS);
            int savedAtKill = Files.readAllLines(file).size() - 1;
            assertTrue(savedAtKill < 12, "killed in the middle of the sweep, with " + savedAtKill + " rows saved");
            Table t = running.get(300, TimeUnit.SECONDS);
            pool.shutdown();

            assertEquals(12, t.size(), "every point has its row");
            List<String> lines = Files.readAllLines(file);
            assertEquals(13, lines.size(), "header and each point exactly once: " + lines);
            assertEquals(12, lines.stream().skip(1).map(l -> l.split(",")[0] + "," + l.split(",")[1]).distinct().count());
            ProcessHandle second = cluster.executor().orElseThrow(() -> new AssertionError("no new executor"));
            assertNotEquals(first.pid(), second.pid(), "Spark started a new executor");
        }
    }

    private static void awaitLines(Path file, int lines, Future<?> running) throws Exception {
        long deadline = System.nanoTime() + 240_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (running.isDone()) running.get();
            if (Files.exists(file) && Files.readAllLines(file).size() >= lines) return;
            Thread.sleep(100);
        }
        throw new AssertionError("the sweep saved no rows in time");
    }
}
