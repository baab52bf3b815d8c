package catapult.cli;

import catapult.polyglot.GuestRunner;
import java.io.PrintStream;
import java.nio.file.Path;

/** `catapult run file.py | file.js [--allow-io]`: hands the script to the polyglot module's runner. */
final class GuestScripts {
    private GuestScripts() {}

    static int run(Path file, PrintStream out, PrintStream err, boolean allowIo) {
        return GuestRunner.run(file, out, err, allowIo);
    }
}
