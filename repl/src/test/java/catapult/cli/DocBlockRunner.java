package catapult.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs documentation blocks as {@code catapult run block.cat} would, in one JVM whose working
 * directory the caller chose (a temporary one, so files that examples write land there). Each
 * file in the folder given as argument is one block; for each it prints a report
 * {@code ==== name exit N} followed by the block's stderr and stdout.
 */
public final class DocBlockRunner {
    private DocBlockRunner() {
    }

    public static void main(String[] args) throws IOException {
        List<Path> blocks;
        try (Stream<Path> files = Files.list(Path.of(args[0]))) {
            blocks = files.filter(p -> p.toString().endsWith(".cat")).sorted().toList();
        }
        PrintStream report = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        for (Path block : blocks) {
            long start = System.nanoTime();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = new Main(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                    .execute(new String[] {"run", block.toString()});
            report.println("==== " + block.getFileName() + " exit " + code + " ms " + (System.nanoTime() - start) / 1_000_000);
            report.println(err.toString(StandardCharsets.UTF_8) + "---- stdout\n" + out.toString(StandardCharsets.UTF_8));
        }
        report.flush();
        System.exit(0);
    }
}
