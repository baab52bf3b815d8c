package catapult.builtins;

import catapult.engine.data.Cifar10Reader;
import catapult.engine.data.CsvReader;
import catapult.engine.data.Digits;
import catapult.engine.data.LabelMode;
import catapult.engine.data.MnistReader;
import catapult.engine.data.NpyReader;
import catapult.engine.data.ReadOptions;
import catapult.lang.builtins.Args;
import catapult.lang.builtins.Builtin;
import catapult.lang.builtins.BuiltinProvider;
import catapult.lang.builtins.BuiltinRegistry;
import catapult.lang.builtins.Type;
import catapult.lang.value.Values;
import java.nio.file.Path;
import java.util.List;

/**
 * Readers of the formats researchers keep data in (MNIST IDX, CIFAR-10 binary, CSV, NPY) and the
 * digits set shipped with Catapult: docs/language.md section 6. Bad files are reported as positioned
 * errors naming the file and the problem.
 */
public final class ReaderBuiltins implements BuiltinProvider {

    private static final Type CLASSES = Type.LIST.orNone();
    private static final Type COUNT = Type.POSITIVE_INT.orNone();
    private static final Type SPLIT = Type.oneOf("train", "test");
    private static final Type LABELS = Type.oneOf("auto", "onehot", "raw");
    private static final String LABELS_DOC = "\"auto\" (+-1 for two classes, one-hot for more), \"onehot\", "
            + "or \"raw\" (the label value itself)";

    @Override
    public void register(BuiltinRegistry r) {
        r.register(withOptions(Builtin.define("mnist").category("data")
                .summary("Reads MNIST IDX files (.gz or raw): a directory with the official file names, or an image file.")
                .param("path", Type.STRING, "directory holding train-images-idx3-ubyte(.gz) etc., or an image file"),
                null, null, true)
                .returns("a dataset of n x 28 x 28 x 1 images in [0, 1]")
                .example("let data = mnist(\"data/mnist\", classes: [0, 2], n: 256)")
                .reference("thesis Fig. 3.4 (MNIST 0 vs 2)")
                .impl(a -> DataBuiltins.ds(MnistReader.read(path(a, "path"), options(a)))));
        r.register(withOptions(Builtin.define("cifar10").category("data")
                .summary("Reads the CIFAR-10 binary batches (data_batch_1..5.bin, test_batch.bin) or one batch file.")
                .param("path", Type.STRING, "directory (or its cifar-10-batches-bin folder), or one .bin batch"),
                null, null, true)
                .returns("a dataset of n x 32 x 32 x 3 images in [0, 1]")
                .example("let cifar2 = cifar10(\"data/cifar10\", classes: [0, 1], n: 10)")
                .reference("thesis Fig. 2.2 (10 CIFAR-2 points)")
                .impl(a -> DataBuiltins.ds(Cifar10Reader.read(path(a, "path"), options(a)))));
        r.register(withOptions(Builtin.define("csv").category("data")
                .summary("Reads a CSV table (.csv or .csv.gz, header detected): numeric features and one label column.")
                .param("path", Type.STRING, "the file")
                .optional("label", Type.STRING.or(Type.INT).orNone(), "last",
                        "\"last\", \"first\", a column name, a column index, or none (no labels, y = 0)"),
                null, null, false)
                .example("let data = csv(\"results/table.csv\", label: \"species\")")
                .impl(a -> DataBuiltins.ds(CsvReader.read(path(a, "path"), labelColumn(a), options(a)))));
        r.register(withOptions(Builtin.define("npy").category("data")
                .summary("Reads inputs and targets from NumPy .npy files (float32/float64/uint8/int, C or Fortran order).")
                .param("x_path", Type.STRING, "the inputs (n x ...); uint8 inputs are scaled to [0, 1]")
                .optional("y_path", Type.STRING.orNone(), null, "the targets: class ids, values, or an n x k matrix"),
                null, null, false)
                .example("let data = npy(\"x.npy\", \"y.npy\")")
                .impl(a -> DataBuiltins.ds(NpyReader.read(path(a, "x_path"),
                        a.isNone("y_path") ? null : path(a, "y_path"), options(a)))));
        r.register(withOptions(Builtin.define("digits").category("data")
                .summary("The UCI optdigits set shipped with Catapult: 1797 8x8 handwritten digits, pixels in [0, 1]."),
                null, null, false)
                .returns("a dataset of n x 8 x 8 x 1 images")
                .example("let data = digits(classes: [0, 1], n: 200)")
                .reference("E. Alpaydin, C. Kaynak (1998), UCI ML repository dataset 80")
                .impl(a -> DataBuiltins.ds(Digits.load(options(a)))));
    }

    /** The options every reader shares, with the reader's defaults for classes and n. */
    private static Builtin.Builder withOptions(Builtin.Builder b, List<Double> classes, Double n, boolean hasSplit) {
        b.optional("classes", CLASSES, classes, "class ids to keep, in target order (the first is -1); none keeps all")
                .optional("n", COUNT, n, "number of examples to sample (seeded); none keeps all");
        if (hasSplit) {
            b.optional("split", SPLIT, "train", "\"train\" or \"test\" files of a distribution directory");
        }
        return b.optional("seed", Type.INT, 0.0, "seed of the sample")
                .optional("labels", LABELS, "auto", LABELS_DOC);
    }

    private static Path path(Args a, String param) {
        return UserFiles.readable(a.interp(), DataPaths.resolve(a.string(param), a.site(), a.builtin().name()), a.site());
    }

    static ReadOptions options(Args a) {
        int[] classes = a.isNone("classes") ? null : classIds(a);
        int n = a.isNone("n") ? -1 : a.integer("n");
        String split = a.builtin().params().stream().anyMatch(p -> p.name().equals("split")) ? a.string("split") : "train";
        return new ReadOptions(classes, n, split, a.longValue("seed"), LabelMode.parse(a.string("labels")));
    }

    private static int[] classIds(Args a) {
        double[] values = DataBuiltins.numbers(a.list("classes"), "classes", a);
        int[] ids = new int[values.length];
        for (int i = 0; i < ids.length; i++) {
            if (values[i] != Math.rint(values[i]) || Math.abs(values[i]) > Integer.MAX_VALUE) {
                throw a.error("argument 'classes' must hold integer class ids, got " + catapult.lang.value.Printer.number(values[i]));
            }
            ids[i] = (int) values[i];
        }
        return ids;
    }

    private static CsvReader.LabelColumn labelColumn(Args a) {
        Object label = a.get("label");
        if (label == null) {
            return CsvReader.LabelColumn.none();
        }
        if (label instanceof String s) {
            return CsvReader.LabelColumn.named(s);
        }
        return CsvReader.LabelColumn.at((int) Math.round(Values.asNumber(label)));
    }
}
