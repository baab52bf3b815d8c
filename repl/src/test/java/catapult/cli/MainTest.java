package catapult.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import catapult.lang.builtins.BuiltinRegistry;
import catapult.lang.builtins.DocsGenerator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: exit codes, diagnostics without stack traces, --set, and the docs file's freshness. */
class MainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new Main(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)).execute(args);
    }

    private String out() { return out.toString(StandardCharsets.UTF_8); }

    private String err() { return err.toString(StandardCharsets.UTF_8); }

    @Test
    void evalPrints() {
        assertEquals(0, run("-e", "print(1 + 2)"));
        assertEquals("3\n", out());
    }

    @Test
    void misspelledNameReportsPositionCaretAndSuggestion(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("file.cat");
        Files.writeString(f, "let width = 3\nlet x = 2\nprint(widht)\n");
        assertEquals(65, run("run", f.toString()));
        assertTrue(err().startsWith(f + ":3:7: unknown name 'widht' (did you mean 'width'?)\nprint(widht)\n      ^^^^^"), err());
        assertFalse(err().contains("\tat "), "no stack trace");
    }

    @Test
    void unclosedParenthesisIsASyntaxError(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("p.cat");
        Files.writeString(f, "let a = 1\nprint(max(a, 2)\n");
        assertEquals(65, run("run", f.toString()));
        assertTrue(err().contains(":2:6: unclosed '('"), err());
        assertTrue(err().contains("     ^"), err());
    }

    @Test
    void aCatScriptMayWriteFilesWithPlotSaveAndRunSave(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("figures.cat");
        Files.writeString(f, String.join("\n",
                "let t = table([{x: 1, y: 2}, {x: 2, y: 3}])",
                "plot(t, x: \"x\", y: \"y\", file: \"" + dir.resolve("fig.png") + "\")",
                "t.save(\"" + dir.resolve("t.csv") + "\")",
                "save([1, 2], \"" + dir.resolve("xs.json") + "\")",
                ""));
        assertEquals(0, run("run", f.toString()), err());
        assertTrue(Files.size(dir.resolve("fig.png")) > 0);
        assertTrue(Files.exists(dir.resolve("t.csv")));
        assertTrue(Files.exists(dir.resolve("xs.json")));
        assertTrue(Main.usage().contains("A .cat script is your own code: it may read and write files."));
    }

    @Test
    void runtimeErrorExits70() {
        assertEquals(70, run("-e", "assert(false, \"boom\")"));
        assertTrue(err().contains("<-e>:1:1: assertion failed: boom"), err());
    }

    @Test
    void setOverridesTopLevelLet(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("s.cat");
        Files.writeString(f, "let size = \"full\"\nlet width = 1024\nprint(size, width)\n");
        assertEquals(0, run("run", f.toString(), "--set", "size=small", "--set", "width=64"));
        assertEquals("small 64\n", out());
    }

    @Test
    void missingFileAndUsage() {
        assertEquals(66, run("run", "/no/such/file.cat"));
        assertTrue(err().contains("no such file"));
        assertEquals(64, run("frobnicate"));
        assertEquals(0, run("--version"));
        assertTrue(out().startsWith("catapult "));
    }

    @Test
    void builtinReferenceIsFresh() throws Exception {
        Path docs = Path.of("..", "docs", "builtins.md");
        String expected = DocsGenerator.markdown(BuiltinRegistry.standard());
        assertTrue(Files.exists(docs), "docs/builtins.md missing: run ./catapult docs");
        assertEquals(expected, Files.readString(docs), "docs/builtins.md is stale: run ./catapult docs");
    }
}
