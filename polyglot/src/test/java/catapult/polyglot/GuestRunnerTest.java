package catapult.polyglot;

import catapult.api.Catapult;
import catapult.lang.session.FileAccess;
import catapult.lang.session.SessionSettings;
import java.util.List;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `catapult run file.js | file.py`: exit codes, output, error reports, and the --allow-io switch. */
class GuestRunnerTest {
    @TempDir Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String name, String code, boolean allowIo) throws Exception {
        return run(name, code, Catapult.Options.defaults().withOut(out).withErr(err).withAllowIo(allowIo).settings());
    }

    private int run(String name, String code, SessionSettings settings) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, code);
        return GuestRunner.run(file, settings);
    }

    /** Sandboxed guest code whose Catapult file access is confined to these directories. */
    private SessionSettings confinedTo(Path... dirs) {
        return SessionSettings.defaults().withOut(out).withErr(err).withGuestFiles(FileAccess.confinedTo(List.of(dirs)));
    }

    private String out() { return out.toString(StandardCharsets.UTF_8); }

    private String err() { return err.toString(StandardCharsets.UTF_8); }

    @Test
    void aJavaScriptHostDrivesCatapult() throws Exception {
        int code = run("host.js", String.join("\n",
                "const data = catapult.eval('regress(gaussian(64, 2, seed: 1), x => x[0] * x[1])');",
                "console.log(String(data.n), data.d, data.y.length);",
                "catapult.eval('print(\"mean y\", round(mean(' + 'tensor([1, 2, 3])' + '), 2))');",
                "const sq = catapult.eval('x => x * x');",
                "console.log(sq(7));"), false);
        assertEquals(0, code, err());
        assertEquals("64 2 64\nmean y 2\n49\n", out());
    }

    @Test
    void aHostRunsCatFilesAndReadsTheirGlobals() throws Exception {
        Path cat = dir.resolve("setup.cat");
        Files.writeString(cat, "let widths = [2^k for k in 6..8]\nfn double(x) = 2 * x\nlen(widths)\n");
        int code = run("runner.js", String.join("\n",
                "const n = catapult.run('" + cat + "');",
                "console.log(n, JSON.stringify(catapult.get('widths')), catapult.call('double', 21));"), confinedTo(dir));
        assertEquals(0, code, err());
        assertEquals("3 [64,128,256] 42\n", out());
    }

    @Test
    void aSandboxedGuestReachesNoHostFileThroughCatapult() throws Exception {
        Path secret = dir.resolve("secret.csv");
        Files.writeString(secret, "1,2\n3,4\n");
        int code = run("probe.py", String.join("\n",
                "for code in ['import \"/etc/passwd\"', 'csv(\"" + secret + "\")', 'load(\"" + secret + "\")',",
                "             'save([1, 2], \"" + dir.resolve("out.json") + "\")', 'let run_file = 1']:",
                "    try:",
                "        catapult.eval(code)",
                "        print('ok', code)",
                "    except catapult.Error as e:",
                "        print('denied' if 'not allowed for code from a sandboxed guest language' in str(e) else str(e))"), false);
        assertEquals(0, code, err());
        assertEquals("denied\ndenied\ndenied\ndenied\nok let run_file = 1\n", out());
        assertFalse(Files.exists(dir.resolve("out.json")));
    }

    @Test
    void allowedDirectoriesOpenExactlyThemToCatapultFileAccess() throws Exception {
        Path allowed = Files.createDirectory(dir.resolve("allowed"));
        int code = run("writer.js", String.join("\n",
                "catapult.eval('save([1, 2, 3], \"" + allowed.resolve("xs.json") + "\")');",
                "console.log(JSON.stringify(catapult.eval('load(\"" + allowed.resolve("xs.json") + "\")')));",
                "try { catapult.eval('save(1, \"" + dir.resolve("outside.json") + "\")'); } catch (e) { console.log('denied'); }"),
                confinedTo(allowed));
        assertEquals(0, code, err());
        assertEquals("[1,2,3]\ndenied\n", out());
        assertFalse(Files.exists(dir.resolve("outside.json")));
    }

    @Test
    void anUncaughtCatapultErrorExitsWithItsPositionAndTheGuestLine() throws Exception {
        int code = run("bad.js", "const a = 1;\ncatapult.eval('let w = 3\\nw + nope', 'model.cat');\n", false);
        assertEquals(70, code);
        assertTrue(err().startsWith("CatapultError: model.cat:2:5: unknown name 'nope'"), err());
        assertTrue(err().contains("at bad.js:2"), err());
    }

    @Test
    void aGuestSyntaxErrorExits65() throws Exception {
        assertEquals(65, run("syntax.js", "const = ;\n", false));
        assertTrue(err().contains("SyntaxError"), err());
    }

    @Test
    void fileAccessNeedsAllowIo() throws Exception {
        Path data = dir.resolve("lrs.js");
        Files.writeString(data, "[0.1, 0.2]");
        String script = "console.log(JSON.stringify(load('" + data + "')));";
        assertEquals(70, run("reader.js", script, false));
        assertTrue(err().contains("TypeError: Cannot load script"), err());
        assertEquals(0, run("reader2.js", script, true), err());
        assertEquals("[0.1,0.2]\n", out());
    }

    @Test
    void aPythonHostSeesNativeValuesAndItsExitStatusIsKept() throws Exception {
        int code = run("host.py", String.join("\n",
                "import sys",
                "r = catapult.eval('{lr: 0.5, widths: [64, 128]}')",
                "print(type(r.widths).__name__, r['lr'] * 2)",
                "try:",
                "    catapult.eval('1 +', 'x.cat')",
                "except catapult.Error as e:",
                "    print(str(e).splitlines()[0])",
                "sys.exit(3)"), false);
        assertEquals(3, code, err());
        String[] lines = out().split("\n");
        assertEquals("list 1.0", lines[0]);
        assertTrue(lines[1].matches("x\\.cat:1:\\d+: .+"), lines[1]);
    }

    @Test
    void unknownExtensionsAndMissingFilesAreReported() throws Exception {
        assertEquals(64, run("notes.txt", "", false));
        assertEquals(66, GuestRunner.run(dir.resolve("missing.js"), new PrintStream(out), new PrintStream(err)));
    }
}
