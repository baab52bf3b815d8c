package catapult.golden;

import catapult.lang.session.Session;
import catapult.lang.session.SessionSettings;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import catapult.lang.builtins.BuiltinRegistry;
import catapult.lang.errors.CatapultError;
import catapult.lang.eval.Interpreter;
import catapult.lang.syntax.SourceFile;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every src/test/resources/golden/**.cat and compares what it printed with the sibling
 * .out file and, for scripts that fail, the formatted diagnostic with the .err file.
 */
class GoldenScriptsTest {
    private static final Path DIR = Path.of("src", "test", "resources", "golden");

    @TestFactory
    Stream<DynamicTest> scripts() {
        return Golden.files(DIR, ".cat").stream().map(file -> dynamicTest(DIR.relativize(file).toString(), () -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            String err = "";
            Session interp = Session.standard(SessionSettings.defaults().withOut(new PrintStream(out, true, StandardCharsets.UTF_8)));
            try {
                interp.run(new SourceFile(file.getFileName().toString(), Files.readString(file), file));
            } catch (CatapultError e) {
                err = e.format() + "\n";
            } finally {
                org.nd4j.linalg.factory.Nd4j.setDefaultDataTypes(
                        org.nd4j.linalg.api.buffer.DataType.FLOAT, org.nd4j.linalg.api.buffer.DataType.FLOAT);
            }
            Golden.check(Golden.sibling(file, ".out"), out.toString(StandardCharsets.UTF_8));
            Golden.check(Golden.sibling(file, ".err"), err);
        }));
    }
}
