package catapult.cli;

import catapult.lang.session.Session;
import catapult.lang.session.SessionSettings;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import catapult.lang.builtins.BuiltinRegistry;
import catapult.lang.errors.CatapultError;
import catapult.lang.eval.Interpreter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every scripts/*.cat runs at its small size (`size = "small"`), and its own asserts check the
 * dissertation's qualitative result; a failed assert fails the test with the script's message.
 */
class ScriptsTest {
    private static final Path SCRIPTS = Path.of("..", "scripts");

    @TestFactory
    Stream<DynamicTest> scripts() throws IOException {
        try (Stream<Path> files = Files.list(SCRIPTS)) {
            return files.filter(p -> p.toString().endsWith(".cat")).sorted().toList().stream()
                    .map(file -> dynamicTest(file.getFileName().toString(), () -> runSmall(file)));
        }
    }

    private static void runSmall(Path file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Session interp = Session.standard(SessionSettings.defaults().withOut(new PrintStream(out, true, StandardCharsets.UTF_8)));
        interp.setOverrides(Map.of("size", "small"));
        try {
            interp.runFile(file);
        } catch (CatapultError e) {
            throw new AssertionError(e.format() + "\n--- output ---\n" + out.toString(StandardCharsets.UTF_8));
        } finally {
            org.nd4j.linalg.factory.Nd4j.setDefaultDataTypes(
                    org.nd4j.linalg.api.buffer.DataType.FLOAT, org.nd4j.linalg.api.buffer.DataType.FLOAT);
        }
    }
}
