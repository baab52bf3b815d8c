package catapult.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep killed with kill -9 resumes from its points file: a real `catapult run` child process
 * is killed after some rows were saved, the rerun computes only the missing points (each body
 * run leaves a marker file named after its run), and the final table and file are complete with
 * each point exactly once.
 */
class SweepResumeTest {
    @TempDir Path dir;

    private String script() {
        String d = dir.toString().replace("\\", "/");
        return """
                let run = 1
                arch mlp() { output(dense(tanh(dense(input(2), 64)), 1)) }
                let data = regress(mixture(64, d: 2, seed: 1), "rank2")
                fn point(cfg) {
                  save(cfg.i, "%s/ran-${cfg.i}-run${run}.json")
                  let r = train(init(mlp(), seed: cfg.i), data, gd(0.05), steps: 300)
                  {loss: r.final.loss}
                }
                let t = sweep({i: 1..8}, point, threads: 1, save: "%s/points.csv")
                assert(len(t) == 8, "complete table")
                print("rows ${len(t)}")
                """.formatted(d, d);
    }

    private Process start(Path script, int run) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "catapult.cli.Main", "run", script.toString(), "--set", "run=" + run)
                .redirectErrorStream(true).redirectOutput(dir.resolve("out-" + run + ".txt").toFile()).start();
    }

    private Set<String> markers(int run) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith("-run" + run + ".json"))
                    .map(n -> n.substring(4, n.indexOf('-', 4))).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    @Test
    void aKilledSweepResumesWithoutRecomputingFinishedPoints() throws Exception {
        Path script = Files.writeString(dir.resolve("sweep.cat"), script());
        Path points = dir.resolve("points.csv");
        Process first = start(script, 1);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (!(Files.exists(points) && Files.readAllLines(points).size() >= 3)) {
            assertTrue(first.isAlive(), () -> "the sweep ended early: " + output(1));
            assertTrue(System.nanoTime() < deadline, "no rows saved in time");
            Thread.sleep(50);
        }
        first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        List<String> saved = Files.readAllLines(points).stream().skip(1).toList();
        assertTrue(saved.size() >= 2 && saved.size() < 8, "killed mid-sweep: " + saved);
        Set<String> done = saved.stream().map(l -> l.split(",")[0]).collect(Collectors.toCollection(TreeSet::new));

        Process second = start(script, 2);
        assertTrue(second.waitFor(300, TimeUnit.SECONDS), "the rerun finished");
        assertEquals(0, second.exitValue(), output(2));
        assertTrue(output(2).contains("rows 8"), output(2));
        Set<String> rerun = markers(2);
        for (String i : done) assertFalse(rerun.contains(i), "point " + i + " was saved, yet ran again");
        assertEquals(8 - done.size(), rerun.size(), "the rerun ran exactly the missing points: " + rerun + " after " + done);
        List<String> rows = Files.readAllLines(points).stream().skip(1).toList();
        assertEquals(8, rows.size(), "each point exactly once: " + rows);
        assertEquals(8, rows.stream().map(l -> l.split(",")[0]).distinct().count());
    }

    private String output(int run) {
        try {
            return Files.readString(dir.resolve("out-" + run + ".txt"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no output)";
        }
    }
}
