package catapult.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import catapult.lang.builtins.BuiltinRegistry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzes the whole language: {@code fuzz.inputs} programs (2,000 in CI; set -Dfuzz.inputs=20000
 * for a long local run, -Dfuzz.seed to vary) mutated from scripts/, grammar/examples and the
 * golden scripts by {@link ScriptMutator} run in a child JVM ({@link FuzzChild}) in a scratch
 * directory, so that a crash, a hang or a runaway file write cannot take the build with it.
 * Every program must end in success or a positioned user error within its deadline: no leaked
 * Java exception, no "internal error", no JVM crash, no interrupt ignored. Failing programs are
 * written to target/fuzz/ with their outcome.
 */
class FuzzTest {
    private static final long DEADLINE_MS = Long.getLong("fuzz.deadline", 150);
    private static final long GRACE_MS = Long.getLong("fuzz.grace", 10_000);

    @TempDir
    Path work;

    @Test
    void fuzzedProgramsEndInSuccessOrAPositionedError() throws Exception {
        int inputs = Integer.getInteger("fuzz.inputs", 2000);
        long seed = Long.getLong("fuzz.seed", 15);
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<String> dirs = List.of(root.resolve("scripts").toString(), root.resolve("grammar/examples").toString(),
                Path.of("src/test/resources/golden").toAbsolutePath().toString());
        Map<String, Integer> kinds = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        int next = 0;
        while (next < inputs) {
            next = runChild(seed, next, inputs, dirs, kinds, failures);
        }
        report(seed, inputs, dirs, kinds, failures);
        int done = kinds.values().stream().mapToInt(Integer::intValue).sum() + failures.size();
        assertEquals(inputs, done, "every input ran");
        assertTrue(failures.isEmpty(), failures.size() + " of " + inputs + " fuzzed programs failed (see target/fuzz/):\n"
                + String.join("\n", failures.subList(0, Math.min(10, failures.size()))));
    }

    /** Runs inputs [from, to) in one child JVM; returns where to continue after a crash or hang. */
    private int runChild(long seed, int from, int to, List<String> dirs, Map<String, Integer> kinds, List<String> failures)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx2g", "-Xss8m", "-Dorg.slf4j.simpleLogger.defaultLogLevel=off", "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), FuzzChild.class.getName(), String.valueOf(seed),
                String.valueOf(from), String.valueOf(to), String.valueOf(DEADLINE_MS), String.valueOf(GRACE_MS)));
        command.addAll(dirs);
        ProcessBuilder pb = new ProcessBuilder(command).directory(work.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("OMP_NUM_THREADS", "1");
        Process p = pb.start();
        int started = -1;
        int lastSeen = from - 1;
        boolean finished = false;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("START ")) {
                    started = Integer.parseInt(line.substring(6));
                } else if (line.startsWith("OK ")) {
                    kinds.merge(line.split(" ")[2], 1, Integer::sum);
                    lastSeen = Integer.parseInt(line.split(" ")[1]);
                    started = -1;
                } else if (line.startsWith("FAIL ")) {
                    failures.add(line);
                    lastSeen = Integer.parseInt(line.split(" ")[1]);
                    started = -1;
                } else if (line.equals("DONE")) {
                    finished = true;
                }
            }
        }
        p.waitFor(60, TimeUnit.SECONDS);
        if (finished) return to;
        if (started >= 0) {
            failures.add("FAIL " + started + " crash: the JVM exited with status " + p.exitValue() + " while running it");
            return started + 1;
        }
        if (lastSeen < from) throw new IllegalStateException("the fuzz child JVM ran nothing (exit status " + p.exitValue() + ")");
        return lastSeen + 1;
    }

    private static void report(long seed, int inputs, List<String> dirs, Map<String, Integer> kinds, List<String> failures)
            throws IOException {
        Path out = Path.of("target", "fuzz");
        Files.createDirectories(out);
        StringBuilder s = new StringBuilder("seed " + seed + ", " + inputs + " inputs\noutcomes " + kinds + "\nfailures "
                + failures.size() + "\n");
        ScriptMutator mutator = new ScriptMutator(ScriptMutator.catFiles(dirs.stream().map(Path::of).toArray(Path[]::new)),
                BuiltinRegistry.standard().names());
        for (String f : failures) {
            int i = Integer.parseInt(f.split(" ")[1]);
            s.append(f).append('\n');
            Files.writeString(out.resolve("input-" + seed + "-" + i + ".cat"), mutator.program(seed, i));
        }
        Files.writeString(out.resolve("report-" + seed + "-" + inputs + ".txt"), s.toString());
        System.out.println("fuzz: " + s.toString().lines().limit(3).reduce((a, b) -> a + "; " + b).orElse(""));
    }
}
