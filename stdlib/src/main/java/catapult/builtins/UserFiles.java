package catapult.builtins;

import catapult.lang.eval.Interpreter;
import catapult.lang.syntax.Span;
import java.nio.file.Path;

/**
 * The one gate between built-ins and the file system: every path a built-in reads or writes
 * passes the session's file policy here first. A `.cat` script (the user's own code) may use any
 * file; code that a sandboxed guest language submits is confined to the directories the user
 * allowed, so it cannot read or write host files through Catapult.
 */
final class UserFiles {
    private UserFiles() {}

    /** The path, when the session's code may read it; else a positioned error. */
    static Path readable(Interpreter interp, Path path, Span site) {
        return interp.session().settings().files().checkRead(path, site);
    }

    /** The path, when the session's code may write it; else a positioned error. */
    static Path writable(Interpreter interp, Path path, Span site) {
        return interp.session().settings().files().checkWrite(path, site);
    }
}
