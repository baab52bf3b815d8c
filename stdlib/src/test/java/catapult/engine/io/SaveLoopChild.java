package catapult.engine.io;

import catapult.lang.errors.CatapultError;
import catapult.lang.session.Session;
import catapult.lang.session.SessionSettings;
import java.io.PrintStream;

/**
 * A child process for {@link AtomicWriteTest}: runs Catapult code through the interpreter, as a
 * user's script would, and prints a user error's first line instead of a stack trace.
 * Arguments: the code. Exit status 0 on success, 70 on a user error.
 */
public final class SaveLoopChild {
    private SaveLoopChild() {}

    public static void main(String[] args) {
        catapult.testsupport.ParentWatch.exitWhenParentDies();
        PrintStream out = new PrintStream(System.out, true);
        try {
            Session.standard(SessionSettings.defaults().withOut(System.out)).run(args[0], "child.cat");
        } catch (CatapultError e) {
            out.println("ERROR " + e.getMessage());
            System.exit(70);
        }
    }
}
