package catapult.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every ```cat block of README.md and docs/*.md runs as a script and succeeds; every
 * ```cat-error block fails with the message its info string names. The blocks run in one child
 * JVM whose working directory is a temporary folder, so examples that write files
 * (plot(file: "loss.png"), t.save("runs.csv")) write them there and not into the repository.
 * Keep doc examples small: they all run on every build. Images a doc shows from docs/img/
 * must be made by its blocks (see {@link #imageTests}).
 */
class DocExamplesTest {
    private static final Path REPO = Path.of("..");

    @TempDir
    static Path tmp;

    @TestFactory
    Stream<DynamicTest> docBlocksRun() throws Exception {
        List<DocBlocks.Block> blocks = new ArrayList<>();
        String quickstart = quickstartBody();
        for (Path md : markdownFiles()) {
            // README's quickstart is scripts/quickstart.cat, which ScriptsTest runs already.
            DocBlocks.read(md).blocks().stream().filter(b -> !b.code().equals(quickstart)).forEach(blocks::add);
        }
        if (blocks.isEmpty()) {
            return Stream.empty();
        }
        Map<String, DocBlocks.Block> byFile = new HashMap<>();
        Path dir = Files.createDirectories(tmp.resolve("blocks"));
        for (int i = 0; i < blocks.size(); i++) {
            String name = String.format("%03d.cat", i);
            Files.writeString(dir.resolve(name), blocks.get(i).code());
            byFile.put(name, blocks.get(i));
        }
        Path work = Files.createDirectories(tmp.resolve("work"));
        Map<String, String[]> results = DocBlockProcess.runAll(dir, work);
        Stream<DynamicTest> blockTests = byFile.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> dynamicTest(e.getValue().name(), () -> check(e.getValue(), located(e.getKey(), e.getValue(), results))));
        return Stream.concat(blockTests, imageTests(work));
    }

    /**
     * Every image a doc shows from docs/img/ is made by one of its blocks (which write it to the
     * working directory under the same name), at the size of the committed file. Run with
     * -Dcatapult.docs.images=update to copy the freshly made images over the committed ones.
     */
    private static Stream<DynamicTest> imageTests(Path work) throws IOException {
        Pattern image = Pattern.compile("!\\[[^\\]]*\\]\\(img/([^)]+)\\)");
        boolean update = "update".equals(System.getProperty("catapult.docs.images"));
        List<DynamicTest> tests = new ArrayList<>();
        for (Path md : markdownFiles()) {
            Matcher m = image.matcher(Files.readString(md));
            while (m.find()) {
                String name = m.group(1);
                tests.add(dynamicTest(md.getFileName() + " shows img/" + name, () -> checkImage(work.resolve(name),
                        REPO.resolve("docs").resolve("img").resolve(name), update)));
            }
        }
        return tests.stream();
    }

    private static void checkImage(Path made, Path committed, boolean update) throws IOException {
        assertTrue(Files.isRegularFile(made), "no block of the doc wrote " + made.getFileName());
        if (update) {
            Files.createDirectories(committed.getParent());
            Files.copy(made, committed, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        assertTrue(Files.isRegularFile(committed), committed + " is not committed; regenerate with -Dcatapult.docs.images=update");
        java.awt.image.BufferedImage a = javax.imageio.ImageIO.read(made.toFile());
        java.awt.image.BufferedImage b = javax.imageio.ImageIO.read(committed.toFile());
        assertEquals(a.getWidth() + "x" + a.getHeight(), b.getWidth() + "x" + b.getHeight(),
                committed + " differs in size from what its example makes now; regenerate with -Dcatapult.docs.images=update");
    }

    /** The README's first example is scripts/quickstart.cat without its comment header (ScriptsTest runs and asserts it). */
    @Test
    void readmeExampleIsTheQuickstartScript() throws IOException {
        String readme = DocBlocks.read(REPO.resolve("README.md")).blocks().get(0).code();
        assertEquals(quickstartBody(), readme, "README.md's first ```cat block and scripts/quickstart.cat differ");
    }

    private static String quickstartBody() throws IOException {
        return Files.readAllLines(REPO.resolve("scripts").resolve("quickstart.cat")).stream()
                .filter(l -> !l.startsWith("#")).map(l -> l + "\n").reduce("", String::concat);
    }

    /** docs/tables-and-runs.md names every run field, table method and metric the registry and engine know. */
    @Test
    void tablesAndRunsDocNamesEveryFieldMethodAndMetric() throws IOException {
        String doc = Files.readString(REPO.resolve("docs").resolve("tables-and-runs.md"));
        catapult.lang.session.Session interp = catapult.lang.session.Session.standard(catapult.lang.session.SessionSettings.defaults()
                .withOut(new java.io.PrintStream(new java.io.ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
        Object run = interp.run("arch f() { output(dense(input(2), 1)) }\ntrain(init(f), mixture(8, d: 2), gd(0.1), steps: 1)", "<t>");
        List<String> missing = new ArrayList<>();
        List<?> series = (List<?>) ((catapult.lang.value.CatValue) run).field("series");
        for (String field : ((catapult.lang.value.CatValue) run).fieldNames()) {
            if (!series.contains(field) && !doc.contains("`run." + field)) {
                missing.add("run." + field);
            }
        }
        Object table = interp.run("table([{a: 1}])", "<t>");
        for (String method : ((catapult.lang.value.CatValue) table).fieldNames()) {
            if (!doc.contains("`t." + method)) {
                missing.add("t." + method);
            }
        }
        for (String metric : catapult.engine.train.Metric.NAMES) {
            if (!doc.contains("`\"" + metric + "\"`")) {
                missing.add("metric \"" + metric + "\"");
            }
        }
        interp.registry().all().stream().filter(b -> b.summary().startsWith("Tracked metric"))
                .filter(b -> !doc.contains("`" + b.name() + "(")).forEach(b -> missing.add("metric " + b.name() + "(...)"));
        assertEquals(List.of(), missing, "not described in docs/tables-and-runs.md");
    }

    static List<Path> markdownFiles() throws IOException {
        List<Path> files = new ArrayList<>(List.of(REPO.resolve("README.md")));
        try (Stream<Path> docs = Files.list(REPO.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        return files;
    }

    /** The block's result with positions in its temporary file turned into positions in the Markdown file. */
    static String[] located(String fileName, DocBlocks.Block block, Map<String, String[]> results) {
        String[] r = results.get(fileName);
        if (r == null) {
            return null;
        }
        Matcher m = Pattern.compile("\\S*" + Pattern.quote(fileName) + ":(\\d+):").matcher(r[1]);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int line = block.line() + Integer.parseInt(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(block.file().getFileName() + ":" + line + ":"));
        }
        m.appendTail(out);
        return new String[] {r[0], out.toString()};
    }

    static void check(DocBlocks.Block block, String[] result) {
        assertNotNull(result, "no result for " + block.name());
        int exit = Integer.parseInt(result[0]);
        String where = block.name() + "\n--- block ---\n" + block.code() + "--- output ---\n" + result[1];
        if (block.mustFail()) {
            assertNotEquals(0, exit, "a cat-error block must fail: " + where);
            assertTrue(result[1].contains(block.expectedError()), "expected '" + block.expectedError() + "' in " + where);
        } else {
            assertEquals(0, exit, where);
        }
    }
}
