package catapult.engine.testing;

import org.junit.jupiter.api.Assumptions;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** Loads the PyTorch peer's reference arrays (shared/bench/ref); skips when they are absent. */
public final class RefData {
    private RefData() {}

    /** The ref folder, found by walking up from the working directory to a "shared" sibling. */
    public static Path dir() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null) {
            Path ref = p.resolve("shared").resolve("bench").resolve("ref");
            if (Files.isDirectory(ref)) return ref;
            p = p.getParent();
        }
        Assumptions.assumeTrue(false, "shared/bench/ref not found above " + Path.of("").toAbsolutePath());
        return null;
    }

    /** One reference array, as float32 like the dump. */
    public static INDArray load(String name) {
        File f = dir().resolve(name + ".npy").toFile();
        Assumptions.assumeTrue(f.isFile(), "missing reference " + f);
        return Nd4j.createFromNpyFile(f);
    }
}
