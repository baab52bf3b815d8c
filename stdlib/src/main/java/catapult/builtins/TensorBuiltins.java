package catapult.builtins;

import catapult.lang.builtins.Args;
import catapult.lang.builtins.Builtin;
import catapult.lang.builtins.BuiltinProvider;
import catapult.lang.builtins.BuiltinRegistry;
import catapult.lang.builtins.Type;
import catapult.lang.value.Tensor;
import catapult.lang.value.Tensors;
import catapult.numerics.Precision;
import catapult.lang.value.Values;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Tensor construction, shape, randomness and precision: docs/language.md section 3. */
public final class TensorBuiltins implements BuiltinProvider {

    @Override
    public void register(BuiltinRegistry r) {
        r.describeCategory("tensors", "making tensors and random draws; tensors are float32 unless precision(64)");
        r.register(Builtin.define("tensor").category("tensors")
                .summary("A tensor from a number or a (nested) list of numbers.")
                .param("data", Type.TENSOR, "numbers, a list, or nested lists (rectangular)")
                .example("tensor([[1, 2], [3, 4]])")
                .impl(a -> new Tensor(a.array("data").dup())));
        r.register(filled("zeros", 0.0, "A tensor of zeros with the given shape.", "zeros(3, 2)"));
        r.register(filled("ones", 1.0, "A tensor of ones with the given shape.", "ones(4)"));
        r.register(Builtin.define("eye").category("tensors")
                .summary("The n x n identity matrix.")
                .param("n", Type.POSITIVE_INT, "size")
                .example("eye(3)")
                .impl(a -> {
                    a.requireTensor("n", a.number("n"), a.number("n"));
                    return Nd4j.eye(a.longValue("n")).castTo(Tensors.dtype());
                }));
        r.register(Builtin.define("randn").category("tensors")
                .summary("Standard normal samples with the given shape; one size gives a vector.")
                .formula("x_ij ~ N(0, 1)")
                .variadic("shape", Type.POSITIVE_INT, "sizes of each dimension")
                .optional("seed", Type.INT.orNone(), null, "random seed; default: the session's generator (see seed())")
                .example("randn(128, 10, seed: 0)")
                .impl(a -> RandomBuiltins.normal(a, drawShape(a))));
        r.register(Builtin.define("rand").category("tensors")
                .summary("Uniform samples in [0, 1) with the given shape.")
                .variadic("shape", Type.POSITIVE_INT, "sizes of each dimension")
                .optional("seed", Type.INT.orNone(), null, "random seed; default: the session's generator")
                .example("rand(3, seed: 1)")
                .impl(a -> RandomBuiltins.uniform(a, drawShape(a))));
        r.register(Builtin.define("linspace").category("tensors")
                .summary("n evenly spaced numbers from a to b (inclusive).")
                .param("a", Type.NUMBER, "first value").param("b", Type.NUMBER, "last value")
                .param("n", Type.POSITIVE_INT, "how many")
                .example("linspace(0, 1, 5)   # [0, 0.25, 0.5, 0.75, 1]")
                .impl(a -> spaced(a, false)));
        r.register(Builtin.define("logspace").category("tensors")
                .summary("n numbers from 10^a to 10^b, evenly spaced in log scale.")
                .param("a", Type.NUMBER, "first exponent").param("b", Type.NUMBER, "last exponent")
                .param("n", Type.POSITIVE_INT, "how many")
                .example("logspace(-3, 0, 4)   # [0.001, 0.01, 0.1, 1]")
                .impl(a -> spaced(a, true)));
        r.register(Builtin.define("reshape").category("tensors")
                .summary("The same elements in a new shape (row-major); one size may be -1.")
                .param("t", Type.TENSOR, "a tensor")
                .variadic("shape", Type.INT, "the new sizes")
                .example("reshape(tensor([1, 2, 3, 4]), 2, 2)")
                .impl(TensorBuiltins::reshape));
        r.register(Builtin.define("seed").category("tensors")
                .summary("Sets the session's random seed: later draws without an explicit seed repeat exactly.")
                .param("s", Type.INT, "the seed")
                .example("seed(42)")
                .impl(a -> {
                    RandomBuiltins.setSeed(a.session(), a.longValue("s"));
                    return null;
                }));
        r.register(Builtin.define("precision").category("tensors")
                .summary("Switches new tensors and networks to float32 (32) or float64 (64); returns the previous setting."
                        + " float32 is the default (faster, and ample for training dynamics); use 64 for"
                        + " eigenvalues near round-off, finite-difference checks or losses below about 1e-6 of their start.")
                .formula("float32 keeps about 7 significant digits (eps 1.2e-7), float64 about 16 (eps 2.2e-16);"
                        + " numbers outside tensors (lrs, printed values, series in runs) are always float64")
                .param("bits", Type.oneOfNumbers(32, 64), "32 or 64")
                .returns("the previous setting (32 or 64)")
                .example("precision(64)   # returns 32, the default")
                .impl(a -> (double) Precision.bits(a.session().setPrecision(Precision.ofBits(a.integer("bits"))))));
    }

    private static Builtin filled(String name, double value, String summary, String example) {
        return Builtin.define(name).category("tensors").summary(summary)
                .variadic("shape", Type.NONNEGATIVE_INT, "sizes of each dimension")
                .example(example)
                .impl(a -> {
                    long[] shape = shape(a);
                    a.requireTensor("shape", java.util.Arrays.stream(shape).asDoubleStream().toArray());
                    return Nd4j.valueArrayOf(shape, value, Tensors.dtype());
                });
    }

    /** The shape of a random draw, checked to fit (draws go through one Java array). */
    private static long[] drawShape(Args a) {
        long[] shape = shape(a);
        a.requireDoubles("shape", java.util.Arrays.stream(shape).asDoubleStream().toArray());
        return shape;
    }

    static long[] shape(Args a) {
        List<Object> dims = a.rest();
        if (dims.isEmpty()) throw a.error("give at least one size");
        long[] shape = new long[dims.size()];
        for (int i = 0; i < shape.length; i++) shape[i] = Math.round((Double) dims.get(i));
        return shape;
    }

    /** linspace (log false) or logspace (log true): n points from a to b, as 10^x when log. */
    private static INDArray spaced(Args a, boolean log) {
        a.requireDoubles("n", a.number("n"));
        double from = a.number("a");
        double to = a.number("b");
        int n = a.integer("n");
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            if ((i & 0xffff) == 0) a.interp().checkInterrupt(a.site());
            double x = n == 1 ? from : from + (to - from) * i / (n - 1);
            v[i] = log ? Math.pow(10, x) : x;
        }
        return Nd4j.create(v, new long[] {n}, Tensors.dtype());
    }

    private static Object reshape(Args a) {
        INDArray t = a.array("t");
        List<Long> dims = new ArrayList<>();
        for (Object d : a.rest()) dims.add(Math.round((Double) d));
        if (dims.isEmpty()) throw a.error("give the new sizes");
        long known = 1;
        int unknown = -1;
        for (int i = 0; i < dims.size(); i++) {
            if (dims.get(i) == -1) {
                if (unknown >= 0) throw a.error("only one size may be -1");
                unknown = i;
            } else if (dims.get(i) < 0) {
                throw a.error("sizes must be non-negative (or -1), got " + dims.get(i));
            } else {
                known = dims.get(i) > 0 && known > Long.MAX_VALUE / dims.get(i) ? Long.MAX_VALUE : known * dims.get(i);
            }
        }
        if (unknown >= 0 && known > 0 && t.length() % known == 0) dims.set(unknown, t.length() / known);
        a.requireTensor("t", t.length());
        double total = dims.stream().mapToDouble(Long::doubleValue).reduce(1, (x, y) -> x * y);
        if (total != t.length()) {
            throw a.error("cannot reshape " + t.length() + " elements " + java.util.Arrays.toString(t.shape())
                    + " into " + dims);
        }
        return t.dup('c').reshape('c', dims.stream().mapToLong(Long::longValue).toArray());
    }

    static boolean isNumber(Object v) { return v instanceof Double; }

    static Object unwrap(Object v) { return Values.wrap(v); }
}
