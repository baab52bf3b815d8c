package catapult.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import catapult.engine.table.JsonText;
import catapult.lang.errors.RuntimeError;
import catapult.lang.session.Session;
import catapult.lang.session.SessionSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Saving replaces a file all at once, under real faults rather than mocks: a full file system
 * (a 1 MB tmpfs, where the test may mount one), a file-size limit (RLIMIT_FSIZE set with
 * ulimit for a child JVM) and kill -9 of a child JVM in the middle of a large save. In every
 * case the target holds the old content or the new, never a part (issue 15: a killed or
 * failed save left a truncated file and the old content gone).
 */
class AtomicWriteTest {
    @TempDir
    Path tmp;

    private static List<Path> temporaries(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
        }
    }

    @Test
    void replacesContentKeepsPermissionsAndCleansUpAFailedWriter() throws IOException {
        Path f = tmp.resolve("sub/dir/a.json");
        AtomicWrite.writeString(f, "old");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-rw----"));
        AtomicWrite.writeString(f, "new");
        assertEquals("new", Files.readString(f));
        assertEquals("rw-rw----", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        IOException e = assertThrows(IOException.class, () -> AtomicWrite.write(f, out -> {
            out.write("half of the new".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk on fire");
        }));
        assertEquals("disk on fire; the old file is unchanged", e.getMessage());
        assertEquals("new", Files.readString(f));
        assertEquals(List.of(), temporaries(f.getParent()));
        AtomicWrite.writeString(tmp.resolve("fresh.txt"), "x");
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp.resolve("fresh.txt"))));
    }

    @Test
    void aFullFileSystemLeavesTheOldFileWholeAndSaysSo() throws Exception {
        Path mount = Files.createDirectory(tmp.resolve("small"));
        assumeTrue(run(List.of("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", mount.toString())) == 0,
                "cannot mount a tmpfs here (needs root)");
        try {
            Path keep = mount.resolve("keep.json");
            Files.writeString(keep, "[1, 2, 3]\n");
            Session interp = Session.standard(SessionSettings.defaults().withOut(new ByteArrayOutputStream()));
            String code = "let big = zeros(1000000)\nsave(big, \"" + keep + "\")";
            RuntimeError e = assertThrows(RuntimeError.class, () -> interp.run(code, "full.cat"));
            assertEquals(2, e.span().line());
            assertEquals("save: cannot write " + keep + ": No space left on device; the old file is unchanged", e.getMessage());
            assertEquals("[1, 2, 3]\n", Files.readString(keep));
            assertEquals(List.of(), temporaries(mount));
        } finally {
            run(List.of("umount", mount.toString()));
        }
    }

    @Test
    void aFileSizeLimitIsAFailedSaveNotAHalfWrittenFile() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "needs bash for ulimit");
        Path keep = tmp.resolve("keep.json");
        Files.writeString(keep, "{\"old\": true}\n");
        String code = "save(ones(200000), \"" + keep + "\")";
        Process p = new ProcessBuilder("/bin/bash", "-c", "ulimit -f 256; exec \"$0\" -cp \"$1\" catapult.engine.io.SaveLoopChild \"$2\"",
                java(), System.getProperty("java.class.path"), code).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(70, p.waitFor(), output);
        assertTrue(output.contains("ERROR save: cannot write " + keep + ": File too large; the old file is unchanged"), output);
        assertEquals("{\"old\": true}\n", Files.readString(keep));
        assertEquals(List.of(), temporaries(tmp));
    }

    @Test
    void killMinusNineInTheMiddleOfALargeSaveLeavesOldOrNew() throws Exception {
        Path target = tmp.resolve("run.json");
        int n = 1_500_000;
        String code = "let a = zeros(" + n + ")\nlet b = ones(" + n + ")\nsave(a, \"" + target + "\")\nprint(\"ready\")\n"
                + "while true {\n  save(b, \"" + target + "\")\n  save(a, \"" + target + "\")\n}";
        for (int round = 0; round < 2; round++) {
            Process p = new ProcessBuilder(java(), "-cp", System.getProperty("java.class.path"),
                    "catapult.engine.io.SaveLoopChild", code).redirectErrorStream(true).start();
            try {
                waitForLine(p, "ready");
                Path tmpFile = waitForTemporary(tmp, 60_000);
                assertTrue(tmpFile != null, "the child never started a save");
                p.destroyForcibly();   // SIGKILL on POSIX
                assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            } finally {
                p.destroyForcibly();
            }
            List<?> values = (List<?>) JsonText.read(Files.readString(target));
            assertEquals(n, values.size(), "the target is whole");
            Object first = values.get(0);
            assertTrue(first.equals(0.0) || first.equals(1.0), String.valueOf(first));
            assertTrue(values.stream().allMatch(first::equals), "all old or all new, never a mix");
            for (Path t : temporaries(tmp)) Files.delete(t);
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int run(List<String> command) throws Exception {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor();
        } catch (IOException e) {
            return -1;
        }
    }

    private static void waitForLine(Process p, String line) throws IOException {
        StringBuilder seen = new StringBuilder();
        int c;
        while ((c = p.getInputStream().read()) >= 0) {
            seen.append((char) c);
            if (seen.toString().contains(line + "\n")) return;
        }
        throw new AssertionError("child ended before printing " + line + ": " + seen);
    }

    /** Polls dir until a non-empty temporary file of a save in progress appears (null after timeoutMillis). */
    private static Path waitForTemporary(Path dir, long timeoutMillis) throws Exception {
        long end = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < end) {
            for (Path t : temporaries(dir)) {
                try {
                    if (Files.size(t) > 0) return t;
                } catch (IOException gone) {
                    // renamed just now: look again
                }
            }
            Thread.sleep(1);
        }
        return null;
    }
}
