package catapult.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Golden-file helper: compares actual text with a sibling file; with -Dgolden.update=true it
 * writes the file instead (review the diff before committing).
 */
public final class Golden {
    private Golden() {}

    public static List<Path> files(Path dir, String extension) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(extension)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path sibling(Path file, String extension) {
        String name = file.getFileName().toString();
        return file.resolveSibling(name.substring(0, name.lastIndexOf('.')) + extension);
    }

    public static void check(Path expectedFile, String actual) throws IOException {
        if (Boolean.getBoolean("golden.update")) {
            if (actual.isEmpty()) Files.deleteIfExists(expectedFile);
            else Files.writeString(expectedFile, actual);
            return;
        }
        String expected = Files.exists(expectedFile) ? Files.readString(expectedFile) : "";
        assertEquals(expected, actual, "golden file " + expectedFile);
    }
}
