package catapult.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Starts {@link DocBlockRunner} in a child JVM working in a given folder and reads its report back. */
final class DocBlockProcess {
    private static final Pattern REPORT = Pattern.compile("(?m)^==== (\\S+) exit (\\d+) ms (\\d+)$");

    private DocBlockProcess() {
    }

    /** Runs every .cat file of {@code blocks} with {@code work} as working directory; {exit code, output} per file name. */
    static Map<String, String[]> runAll(Path blocks, Path work) throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "-Xss16m", "-Djava.awt.headless=true",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-Dpolyglot.engine.WarnInterpreterOnly=false",
                "-cp", classpath, DocBlockRunner.class.getName(), blocks.toAbsolutePath().toString())
                .directory(work.toFile()).redirectErrorStream(true);
        pb.environment().putIfAbsent("OMP_NUM_THREADS", "1");
        Process p = pb.start();
        byte[] bytes = p.getInputStream().readAllBytes();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("doc blocks did not finish in 10 minutes");
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        Map<String, String[]> out = new HashMap<>();
        Matcher m = REPORT.matcher(text);
        List<int[]> spans = new ArrayList<>();
        List<String[]> heads = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
            heads.add(new String[] {m.group(1), m.group(2), m.group(3)});
        }
        for (int i = 0; i < spans.size(); i++) {
            int end = i + 1 < spans.size() ? spans.get(i + 1)[0] : text.length();
            out.put(heads.get(i)[0], new String[] {heads.get(i)[1], text.substring(spans.get(i)[1], end), heads.get(i)[2]});
        }
        if (System.getProperty("catapult.docs.timing") != null) {
            out.entrySet().stream().sorted((a, b) -> Long.compare(Long.parseLong(b.getValue()[2]), Long.parseLong(a.getValue()[2])))
                    .limit(15).forEach(e -> System.out.println("doc block " + e.getKey() + ": " + e.getValue()[2] + " ms"));
        }
        if (out.isEmpty()) {
            throw new AssertionError("the doc block runner reported nothing (exit " + p.exitValue() + "):\n" + text);
        }
        return out;
    }
}
