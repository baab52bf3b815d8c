package catapult.cli;

import catapult.polyglot.GuestRunner;
import catapult.lang.session.SessionSettings;
import java.nio.file.Path;

/** `catapult run file.py | file.js [--allow-io]`: hands the script to the polyglot module's runner. */
final class GuestScripts {
    private GuestScripts() {}

    static int run(Path file, SessionSettings settings) {
        return GuestRunner.run(file, settings);
    }
}
