package catapult.cli;

import java.io.PrintStream;

/** `catapult bench`: the engine benchmark, one JSON object on stdout (docs/performance.md). */
final class BenchCommand {
    private BenchCommand() {}

    static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            catapult.engine.bench.Bench.main(args);
            return 0;
        } catch (Exception e) {
            err.println("catapult: bench failed: " + e);
            return 70;
        }
    }
}
