package catapult.cli;

import catapult.lang.builtins.BuiltinRegistry;
import catapult.lang.builtins.DocsGenerator;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** `catapult docs`: writes the generated built-in reference. */
final class Docs {
    private Docs() {}

    static int write(Path file, PrintStream out, PrintStream err) {
        try {
            if (file.getParent() != null) Files.createDirectories(file.getParent());
            Files.writeString(file, DocsGenerator.markdown(BuiltinRegistry.standard()));
            out.println("wrote " + file);
            return 0;
        } catch (IOException e) {
            err.println("catapult: cannot write " + file + ": " + e.getMessage());
            return 73;
        }
    }
}
