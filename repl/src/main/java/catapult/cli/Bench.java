package catapult.cli;

import java.io.PrintStream;

/** `catapult bench`: the engine benchmark (catapult.engine.bench.Bench) printing one JSON object. */
final class Bench {
    private Bench() {}

    static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            Class<?> bench = Class.forName("catapult.engine.bench.Bench");
            bench.getMethod("main", String[].class).invoke(null, (Object) args);
            return 0;
        } catch (ClassNotFoundException e) {
            err.println("catapult: the benchmark is not part of this build");
            return 69;
        } catch (ReflectiveOperationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            err.println("catapult: bench failed: " + cause);
            return 70;
        }
    }
}
