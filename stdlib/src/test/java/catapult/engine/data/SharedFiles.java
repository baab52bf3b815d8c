package catapult.engine.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the shared fixtures (MNIST subset, bench reference arrays) that live in a {@code shared}
 * folder beside the repository, by walking up from the working directory; tests that need them
 * are skipped where that folder is absent.
 */
public final class SharedFiles {

    private SharedFiles() {}

    /** shared/&lt;relative&gt;, or a skipped test when it is not there. */
    public static Path require(String relative) {
        Path dir = Paths.get("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("shared").resolve(relative);
            if (Files.exists(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        Assumptions.assumeTrue(false, "shared/" + relative + " not found above the working directory");
        return null;
    }
}
