package catapult.builtins;

import catapult.engine.data.Dataset;
import catapult.engine.data.Mixture;
import catapult.engine.data.NamedTarget;
import catapult.engine.data.Regress;
import catapult.engine.data.Synthetic;
import catapult.engine.data.Target;
import catapult.engine.data.Transforms;
import catapult.lang.builtins.Args;
import catapult.lang.builtins.Builtin;
import catapult.lang.builtins.BuiltinProvider;
import catapult.lang.builtins.BuiltinRegistry;
import catapult.lang.builtins.Type;
import catapult.lang.value.CatFunction;
import catapult.lang.value.Tensor;
import catapult.lang.value.Tensors;
import catapult.lang.value.Values;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Synthetic datasets and dataset transforms: docs/language.md section 6 (readers: {@link ReaderBuiltins}). */
public final class DataBuiltins implements BuiltinProvider {

    static final Type DATASET = DatasetValue.TYPE;
    static final Type TARGET = Type.oneOf("rank2", "rank3", "rank4", "fullrank").or(Type.FUNCTION);

    @Override
    public void register(BuiltinRegistry r) {
        r.describeCategory("data", "data sets: synthetic generators, file readers, splits and transforms");
        registerGenerators(r);
        registerTransforms(r);
    }

    private void registerGenerators(BuiltinRegistry r) {
        r.register(Builtin.define("mixture").category("data")
                .summary("A Gaussian mixture classification set: component c with probability 1/len(means), x ~ N(means[c], std^2 I).")
                .formula("c ~ U{0..C-1}, x = means[c] + std * N(0, I_d), y = labels[c]")
                .param("n", Type.POSITIVE_INT, "number of examples")
                .optional("d", Type.POSITIVE_INT, 1.0, "input dimension")
                .optional("means", Type.LIST.or(Type.TENSOR), List.of(-2.0, 2.0),
                        "component means: numbers (the same in every coordinate) or d-vectors")
                .optional("std", Type.NONNEGATIVE, 1.0, "standard deviation of each coordinate")
                .optional("labels", Type.LIST.or(Type.oneOf("onehot")).orNone(), List.of(-1.0, 1.0),
                        "one number per component, or \"onehot\"; with more than two means the default is one-hot")
                .optional("seed", Type.INT, 0.0, "random seed")
                .returns("a dataset (n x d inputs, n x 1 targets, or n x C one-hot)")
                .example("let data = mixture(128, d: 1, means: [-2, 2], std: 1)")
                .reference("thesis Fig. 3.3 (128 points, x ~ N(-2,1) labelled -1 or N(2,1) labelled +1)")
                .impl(DataBuiltins::mixture));
        r.register(Builtin.define("gaussian").category("data")
                .summary("n inputs x ~ N(0, I_d) with targets y = 0 (label them with regress).")
                .param("n", Type.POSITIVE_INT, "number of examples")
                .param("d", Type.POSITIVE_INT, "input dimension")
                .optional("seed", Type.INT, 0.0, "random seed")
                .example("let x = gaussian(2000, 100, seed: 1)")
                .reference("thesis Section 4.4 (x ~ N(0, I_100))")
                .impl(a -> {
                    a.requireDoubles("n, d", a.number("n"), a.number("d"));
                    return new DatasetValue(Synthetic.gaussian(a.integer("n"), a.integer("d"), a.longValue("seed")));
                }));
        r.register(Builtin.define("sphere").category("data")
                .summary("n inputs uniform on the unit sphere in R^d, with targets y = 0.")
                .formula("x = z / |z|, z ~ N(0, I_d)")
                .param("n", Type.POSITIVE_INT, "number of examples")
                .param("d", Type.POSITIVE_INT, "input dimension")
                .optional("seed", Type.INT, 0.0, "random seed")
                .example("let x = sphere(500, 10)")
                .impl(a -> {
                    a.requireDoubles("n, d", a.number("n"), a.number("d"));
                    return new DatasetValue(Synthetic.sphere(a.integer("n"), a.integer("d"), a.longValue("seed")));
                }));
        r.register(Builtin.define("regress").category("data")
                .summary("Labels inputs with a regression target plus Gaussian noise.")
                .formula("y = target(x) + noise * N(0, 1); rank2 = x1 x2, rank3 = x1 x2 (x1 + ... + x10), "
                        + "rank4 = sum_{j<=4} x1...xj, fullrank = |x| / sqrt(d)")
                .param("x_or_data", Type.TENSOR.or(DATASET), "inputs (n x d tensor) or a dataset whose inputs to use")
                .param("target", TARGET, "\"rank2\", \"rank3\", \"rank4\", \"fullrank\", or a function of one input vector")
                .optional("noise", Type.NONNEGATIVE, 0.0, "standard deviation of the added noise")
                .optional("seed", Type.INT, 0.0, "seed of the noise")
                .example("let train = regress(gaussian(2000, 100), \"rank2\", noise: 0.1)")
                .reference("thesis Section 4.4 and Appendix C (targets of Fig. 4.8, Table 4.1)")
                .impl(DataBuiltins::regress));
    }

    private void registerTransforms(BuiltinRegistry r) {
        r.register(Builtin.define("split").category("data")
                .summary("Disjoint random parts of the given sizes (a list of datasets); the rest is dropped.")
                .param("data", DATASET, "the dataset")
                .param("sizes", Type.nonEmptyListOf(Type.POSITIVE_INT, "positive integers"), "sizes of the parts (positive integers, adding up to at most n)")
                .optional("seed", Type.INT, 0.0, "seed of the permutation")
                .example("let parts = split(data, [16, 8, 8])   # train, validation, test\nlet train_set = parts[0]")
                .impl(DataBuiltins::split));
        r.register(Builtin.define("subset").category("data")
                .summary("n examples drawn without replacement (kept in their original order).")
                .param("data", DATASET, "the dataset")
                .param("n", Type.POSITIVE_INT, "how many")
                .optional("seed", Type.INT, 0.0, "seed of the draw")
                .example("subset(mnist(\"data/mnist\", n: none), 500)")
                .impl(a -> ds(Transforms.subset(DatasetValue.arg(a, "data"), a.integer("n"), a.longValue("seed")))));
        r.register(Builtin.define("standardize").category("data")
                .summary("Per-feature zero mean and unit standard deviation, by the data's own statistics "
                        + "(or those of `using`, e.g. the training set for a test set).")
                .formula("x_ij <- (x_ij - mean_j) / std_j (population std; constant features are only centred)")
                .param("data", DATASET, "the dataset")
                .optional("using", DATASET.orNone(), null, "take mean and std from this dataset instead")
                .example("let test_s = standardize(test, using: data)   # with the training data's mean and std")
                .impl(a -> ds(a.isNone("using") ? Transforms.standardize(DatasetValue.arg(a, "data"))
                        : Transforms.standardize(DatasetValue.arg(a, "data"), DatasetValue.arg(a, "using")))));
        r.register(Builtin.define("normalize").category("data")
                .summary("Each input divided by its Euclidean norm (unit-norm rows; zero rows stay zero).")
                .formula("x_i <- x_i / |x_i|")
                .param("data", DATASET, "the dataset")
                .example("normalize(gaussian(10, 3))")
                .impl(a -> ds(Transforms.normalize(DatasetValue.arg(a, "data")))));
        r.register(Builtin.define("label_noise").category("data")
                .summary("Replaces each class label, with probability p, by a different class (a sign flip for +-1 labels).")
                .param("data", DATASET, "a dataset with +-1 or one-hot labels")
                .param("p", Type.PROBABILITY, "probability of replacing a label")
                .optional("seed", Type.INT, 0.0, "random seed")
                .example("label_noise(mnist(\"data/mnist\"), 0.1)")
                .impl(a -> ds(Transforms.labelNoise(DatasetValue.arg(a, "data"), a.number("p"), a.longValue("seed")))));
        r.register(Builtin.define("scale_example").category("data")
                .summary("A copy with example i's input and target multiplied by c (its critical lr shrinks by c^2).")
                .formula("x_i <- c x_i, y_i <- c y_i")
                .param("data", DATASET, "the dataset")
                .param("i", Type.INT, "index of the example (negative counts from the end)")
                .param("c", Type.NUMBER, "the factor")
                .example("scale_example(data, 0, 2)")
                .reference("thesis Fig. 4.5 (batch size 1, one example scaled by 2)")
                .impl(a -> ds(Transforms.scaleExample(DatasetValue.arg(a, "data"), a.integer("i"), a.number("c")))));
    }

    static DatasetValue ds(Dataset d) {
        return new DatasetValue(d);
    }

    private static Object mixture(Args a) {
        a.requireDoubles("n, d", a.number("n"), a.number("d"));
        int d = a.integer("d");
        double[][] means = means(a.get("means"), a);
        a.requireDoubles("means, d", means.length, d);
        a.requireTensor("n, means", a.number("n"), means.length);
        Object labels = a.get("labels");
        boolean onehot = "onehot".equals(labels);
        double[] values = null;
        if (labels instanceof List<?> list && (a.given("labels") || list.size() == means.length)) {
            values = numbers(list, "labels", a);
        }
        Mixture mixture = new Mixture(a.integer("n"), d, means, a.number("std"), values, onehot, a.longValue("seed"));
        return ds(mixture.generate());
    }

    private static double[][] means(Object v, Args a) {
        if (v instanceof Tensor t) {
            INDArray m = t.array().castTo(DataType.DOUBLE);
            if (m.rank() > 2) throw a.error("argument 'means' must be a list, a vector or a matrix, got shape " + java.util.Arrays.toString(m.shape()));
            return m.rank() <= 1 ? column(m.reshape(m.length()).toDoubleVector()) : m.toDoubleMatrix();
        }
        List<?> list = (List<?>) v;
        double[][] out = new double[list.size()][];
        for (int c = 0; c < out.length; c++) {
            Object m = list.get(c);
            Double num = Values.asNumber(m);
            out[c] = num != null ? new double[] {num} : Tensors.array(m).castTo(DataType.DOUBLE).reshape(-1).toDoubleVector();
        }
        return out;
    }

    private static double[][] column(double[] v) {
        double[][] out = new double[v.length][];
        for (int i = 0; i < v.length; i++) {
            out[i] = new double[] {v[i]};
        }
        return out;
    }

    static double[] numbers(List<?> list, String what, Args a) {
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) {
            Double d = Values.asNumber(list.get(i));
            if (d == null) {
                throw a.error("argument '" + what + "' must be a list of numbers, got " + Values.typeName(list.get(i))
                        + " at position " + i);
            }
            out[i] = d;
        }
        return out;
    }

    private static Object regress(Args a) {
        return ds(Regress.regress(DatasetValue.arg(a, "x_or_data"), target(a, "target"), a.number("noise"), a.longValue("seed")));
    }

    /** A named target or a language function, as the engine's batched Target. */
    static Target target(Args a, String param) {
        Object t = a.get(param);
        if (t instanceof String s) {
            return NamedTarget.parse(s);
        }
        return new LambdaTarget((CatFunction) t, a.interp(), a.site());
    }

    private static Object split(Args a) {
        int[] s = a.list("sizes").stream().mapToInt(v -> ((Double) v).intValue()).toArray();
        List<Object> parts = new ArrayList<>();
        for (Dataset d : Transforms.split(DatasetValue.arg(a, "data"), s, a.longValue("seed"))) {
            parts.add(ds(d));
        }
        return parts;
    }
}
