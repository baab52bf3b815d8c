package catapult.cli;

import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;

/**
 * {@code catapult jupyter ...}: hands over to the jupyter module's command, found on the class
 * path (the launcher adds that module only for this subcommand), so the CLI does not depend on
 * the kernel library and its start-up never loads it.
 */
final class JupyterLink {
    static final String COMMAND = "catapult.jupyter.JupyterCommand";

    private JupyterLink() {}

    static int run(String[] args, PrintStream out, PrintStream err) {
        Class<?> command;
        try {
            command = Class.forName(COMMAND);
        } catch (ClassNotFoundException e) {
            err.println("catapult: the Jupyter module is not on the class path; build the project"
                    + " (mvn -B -DskipTests package) and run it through the `catapult` launcher");
            return 70;
        }
        try {
            return (Integer) command.getMethod("run", String[].class, PrintStream.class, PrintStream.class)
                    .invoke(null, args, out, err);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the Jupyter module does not match this CLI: " + e, e);
        }
    }
}
