package catapult.cli;

import java.io.PrintStream;
import java.nio.file.Path;

/** `catapult run file.py | file.js`: hands the script to the polyglot module's runner. */
final class GuestScripts {
    private GuestScripts() {}

    static int run(Path file, PrintStream out, PrintStream err) {
        try {
            Class<?> runner = Class.forName("catapult.polyglot.GuestRunner");
            Object code = runner.getMethod("run", Path.class, PrintStream.class, PrintStream.class).invoke(null, file, out, err);
            return (Integer) code;
        } catch (ClassNotFoundException e) {
            err.println("catapult: running " + file + " needs the polyglot module, which is not in this build");
            return 69;
        } catch (ReflectiveOperationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            err.println("catapult: " + cause.getMessage());
            return 70;
        }
    }
}
