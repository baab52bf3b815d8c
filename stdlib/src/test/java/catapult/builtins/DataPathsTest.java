package catapult.builtins;

import catapult.lang.session.Session;
import catapult.lang.session.SessionSettings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import catapult.lang.builtins.BuiltinRegistry;
import catapult.lang.errors.CatapultError;
import catapult.lang.eval.Interpreter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Data paths in scripts: relative to the working directory, else to the script's directory. */
class DataPathsTest {

    @TempDir
    Path tmp;

    @Test
    void aScriptFindsDataNextToItWhereverItRuns() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("experiment"));
        Files.writeString(dir.resolve("table.csv"), "a,b,y\n1,2,0\n3,4,1\n5,6,1\n");
        Path script = dir.resolve("run.cat");
        Files.writeString(script, "let t = csv(\"table.csv\")\nprint(t)\nprint(t.x)\n");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Session interp = Session.standard(SessionSettings.defaults().withOut(new PrintStream(bytes, true, StandardCharsets.UTF_8)));
        interp.runFile(script);
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.startsWith("dataset(n=3, d=2, k=1, csv table.csv)\n"), out);
    }

    @Test
    void aMissingRelativePathIsReportedAsWritten() throws IOException {
        Path script = tmp.resolve("missing.cat");
        Files.writeString(script, "let t = npy(\"nowhere/x.npy\")\n");
        Session interp = Session.standard(SessionSettings.defaults().withOut(new PrintStream(new ByteArrayOutputStream())));
        CatapultError e = assertThrows(CatapultError.class, () -> interp.runFile(script));
        assertEquals("npy: nowhere/x.npy: no such file", e.message());
        assertTrue(e.format().startsWith(script + ":1:9: npy: nowhere/x.npy: no such file"), e.format());
    }
}
