package catapult.lang.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import catapult.lang.errors.CatapultError;
import catapult.lang.session.Session;
import catapult.lang.session.SessionSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scripts and imports are refused before they are read when they are not scripts: a device
 * (import "/dev/zero" read until OutOfMemoryError, issue 15), a huge file, binary data, text that
 * is not UTF-8. The error names the import and sits on its line.
 */
class ScriptTextTest {
    @TempDir
    Path tmp;

    private CatapultError importing(String path) {
        Session s = Session.standard(SessionSettings.defaults().withOut(new ByteArrayOutputStream()));
        return assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> assertThrows(CatapultError.class, () -> s.run("let a = 1\nimport \"" + path + "\"", "main.cat")));
    }

    @Test
    void devicesBinaryHugeAndNonUtf8FilesAreNotImported() throws IOException {
        if (Files.exists(Path.of("/dev/zero"))) {
            CatapultError e = importing("/dev/zero");
            assertEquals("cannot import \"/dev/zero\": is not a regular file", e.getMessage());
            assertEquals(2, e.span().line());
        }
        Path binary = tmp.resolve("binary.cat");
        Files.write(binary, new byte[] {'l', 'e', 't', 0, 1, 2});
        assertEquals("cannot import \"" + binary + "\": is not a text file (byte 3 is NUL)", importing(binary.toString()).getMessage());
        Path latin1 = tmp.resolve("latin1.cat");
        Files.write(latin1, new byte[] {'#', ' ', (byte) 0xe9, '\n'});
        assertEquals("cannot import \"" + latin1 + "\": is not UTF-8 text", importing(latin1.toString()).getMessage());
        Path huge = tmp.resolve("huge.cat");
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(ScriptText.MAX_BYTES + 1);   // sparse: costs no disk
        }
        assertTrue(importing(huge.toString()).getMessage().contains("a script may be at most 16 MB"));
        assertTrue(importing(tmp.toString()).getMessage().endsWith("is a directory"));
    }

    @Test
    void anOrdinaryScriptStillImports() throws IOException {
        Path lib = tmp.resolve("lib.cat");
        Files.writeString(lib, "let from_lib = 42\r\n");
        Session s = Session.standard(SessionSettings.defaults().withOut(new ByteArrayOutputStream()));
        assertEquals(42.0, s.run("import \"" + lib + "\"\nfrom_lib", "main.cat"));
    }
}
