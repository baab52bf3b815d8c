package catapult.builtins;

import catapult.lang.builtins.Args;
import catapult.lang.builtins.Builtin;
import catapult.lang.builtins.BuiltinProvider;
import catapult.lang.builtins.BuiltinRegistry;
import catapult.lang.builtins.Cancellation;
import catapult.lang.builtins.MemoryBudget;
import catapult.lang.builtins.Type;
import catapult.lang.value.CatValue;
import catapult.lang.value.Tensor;
import catapult.lang.value.Tensors;
import catapult.lang.value.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.eigen.Eigen;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Reductions and elementwise math on numbers, lists and tensors (docs/language.md section 3).
 * Reductions over a list or tensor give a number unless an axis is named.
 */
public final class MathBuiltins implements BuiltinProvider {

    @Override
    public void register(BuiltinRegistry r) {
        r.describeCategory("math", "elementwise math and reductions on numbers, lists and tensors");
        r.register(reduction("sum", "Sum of the elements (or along an axis).", "sum([1, 2, 3])   # 6", (t, ax) -> t.sum(ax), INDArray::sumNumber));
        r.register(reduction("mean", "Mean of the elements (or along an axis).", "mean(tensor([1, 2, 3, 4]))   # 2.5", (t, ax) -> t.mean(ax), INDArray::meanNumber));
        r.register(extremum("max", "The largest element; max(a, b) of two numbers.", "max(3, 5)   # 5", true));
        r.register(extremum("min", "The smallest element; min(a, b) of two numbers.", "min([3, 1, 2])   # 1", false));
        r.register(elementwise("abs", "Absolute value, elementwise.", Math::abs, t -> Transforms.abs(t, true)));
        r.register(elementwise("sqrt", "Square root, elementwise.", Math::sqrt, t -> Transforms.sqrt(t, true)));
        r.register(elementwise("exp", "e^x, elementwise.", Math::exp, t -> Transforms.exp(t, true)));
        r.register(elementwise("log", "Natural logarithm, elementwise.", Math::log, t -> Transforms.log(t, true)));
        r.register(Builtin.define("round").category("math")
                .summary("Rounds to the given number of decimal digits (half away from zero), elementwise.")
                .param("x", Type.ANY, "a number, list or tensor")
                .optional("digits", Type.INT, 0, "decimal digits to keep")
                .example("round(3.14159, 2)   # 3.14")
                .impl(a -> {
                    double scale = Math.pow(10, a.integer("digits"));
                    DoubleUnaryOperator f = x -> Math.signum(x) * Math.floor(Math.abs(x) * scale + 0.5) / scale;
                    return map(a, a.get("x"), f, t -> t.dup().muli(scale).castTo(t.dataType()));
                }));
        r.register(Builtin.define("norm").category("math")
                .summary("Euclidean norm of a vector; spectral norm of a matrix (\"fro\" for Frobenius).")
                .formula("|v|_2 = sqrt(sum v_i^2);  |A|_2 = sigma_max(A);  |A|_F = sqrt(sum A_ij^2)")
                .param("t", Type.TENSOR, "a vector or matrix")
                .optional("kind", Type.oneOf("2", "fro"), "2", "\"2\" (default) or \"fro\"")
                .example("norm(tensor([3, 4]))   # 5")
                .impl(MathBuiltins::norm));
        r.register(Builtin.define("dot").category("math")
                .summary("Inner product of two vectors of the same length.")
                .formula("sum_i a_i b_i")
                .param("a", Type.TENSOR, "a vector").param("b", Type.TENSOR, "a vector")
                .example("dot(tensor([1, 2]), tensor([3, 4]))   # 11")
                .impl(a -> {
                    INDArray x = a.array("a"), y = a.array("b");
                    if (x.length() != y.length()) throw a.error("lengths differ: " + x.length() + " and " + y.length());
                    INDArray[] xy = Tensors.promote(x.reshape(x.length()), y.reshape(y.length()));
                    return xy[0].mul(xy[1]).sumNumber().doubleValue();
                }));
        r.register(Builtin.define("trace").category("math")
                .summary("Sum of the diagonal of a square matrix.")
                .param("A", Type.TENSOR, "a square matrix")
                .example("trace(eye(3))   # 3")
                .impl(a -> {
                    INDArray m = square(a, a.array("A"));
                    double s = 0;
                    for (long i = 0; i < m.rows(); i++) s += m.getDouble(i, i);
                    return s;
                }));
        r.register(Builtin.define("polyfit").category("math")
                .summary("Least-squares polynomial fit of y against x; coefficients from the highest power down, as NumPy's polyfit.")
                .formula("argmin_c sum_i (y_i - sum_j c_j x_i^(deg - j))^2")
                .param("x", Type.TENSOR, "sample points").param("y", Type.TENSOR, "values at x")
                .optional("deg", Type.NONNEGATIVE_INT, 1, "degree of the polynomial")
                .example("polyfit(log(tensor(widths)), log(tensor(peaks)), 1)[0]   # log-log slope")
                .impl(MathBuiltins::polyfit));
        r.register(Builtin.define("diag").category("math")
                .summary("The diagonal of a matrix as a vector, or a diagonal matrix from a vector.")
                .param("t", Type.TENSOR, "a vector or a square matrix")
                .example("diag(tensor([1, 2]))")
                .impl(a -> {
                    INDArray t = a.array("t");
                    if (t.rank() == 1) return Nd4j.diag(t);
                    INDArray m = square(a, t);
                    INDArray out = Nd4j.create(m.dataType(), m.rows());
                    for (long i = 0; i < m.rows(); i++) out.putScalar(i, m.getDouble(i, i));
                    return out;
                }));
    }

    private static INDArray square(Args a, INDArray m) {
        if (m.rank() != 2 || m.rows() != m.columns()) throw a.error("expected a square matrix, got shape " + java.util.Arrays.toString(m.shape()));
        return m;
    }

    private interface AxisReduce { INDArray apply(INDArray t, int axis); }

    private interface FullReduce { Number apply(INDArray t); }

    private static Builtin reduction(String name, String summary, String example, AxisReduce along, FullReduce all) {
        return Builtin.define(name).category("math").summary(summary)
                .param("x", Type.ANY, "a list or tensor (a number is returned as is)")
                .optional("axis", Type.INT.orNone(), null, "reduce along this axis only (tensors)")
                .example(example)
                .impl(a -> {
                    Object x = a.get("x");
                    if (x instanceof Double) return x;
                    INDArray t = array(a, x);
                    if (t.length() == 0) return name.equals("sum") ? 0.0 : Double.NaN;
                    if (a.isNone("axis")) return all.apply(t).doubleValue();
                    return along.apply(t, axis(a, t));
                });
    }

    private static int axis(Args a, INDArray t) {
        int ax = a.integer("axis");
        int norm = ax < 0 ? ax + t.rank() : ax;
        if (norm < 0 || norm >= t.rank()) throw a.error("axis " + ax + " out of range for a tensor of rank " + t.rank());
        return norm;
    }

    private static Builtin extremum(String name, String summary, String example, boolean max) {
        return Builtin.define(name).category("math").summary(summary)
                .param("a", Type.ANY, "a number, list or tensor")
                .optional("b", Type.NUMBER.orNone(), null, "a second number: the result is the larger (smaller) of a and b")
                .optional("axis", Type.INT.orNone(), null, "reduce along this axis only (tensors)")
                .example(example)
                .impl(a -> {
                    Object x = a.get("a");
                    if (!a.isNone("b")) {
                        Double d = Values.asNumber(x);
                        if (d == null) throw a.error("with two arguments both must be numbers, got " + Values.typeName(x));
                        return max ? Math.max(d, a.number("b")) : Math.min(d, a.number("b"));
                    }
                    if (x instanceof Double) return x;
                    INDArray t = array(a, x);
                    if (t.length() == 0) throw a.error("of an empty sequence");
                    if (!a.isNone("axis")) return max ? t.max(axis(a, t)) : t.min(axis(a, t));
                    return (max ? t.maxNumber() : t.minNumber()).doubleValue();
                });
    }

    private static Builtin elementwise(String name, String summary, DoubleUnaryOperator f, UnaryOperator<INDArray> t) {
        return Builtin.define(name).category("math").summary(summary)
                .param("x", Type.ANY, "a number, list or tensor")
                .example(name + "(tensor([1, 4]))")
                .impl(a -> map(a, a.get("x"), f, t));
    }

    /** Applies f to a number, to each element of a list (recursively), or t to a tensor. */
    static Object map(Args a, Object x, DoubleUnaryOperator f, UnaryOperator<INDArray> t) {
        if (x instanceof Double d) return f.applyAsDouble(d);
        if (x instanceof Tensor tensor) {
            INDArray in = tensor.array();
            if (!in.dataType().isFPType()) in = in.castTo(Tensors.dtype());
            if (a.builtin().name().equals("round")) return roundTensor(in, f);
            return t.apply(in);
        }
        if (x instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object item : l) out.add(map(a, item, f, t));
            return java.util.Collections.unmodifiableList(out);
        }
        throw a.error("expected a number, list or tensor, got " + Values.typeName(x));
    }

    private static INDArray roundTensor(INDArray in, DoubleUnaryOperator f) {
        INDArray out = in.dup();
        double[] v = out.data().asDouble();
        for (int i = 0; i < v.length; i++) v[i] = f.applyAsDouble(v[i]);
        return Nd4j.create(v, out.shape(), out.dataType());
    }

    /** A list of numbers or a tensor as an array; sequences (series) convert via their rows. */
    static INDArray array(Args a, Object x) {
        if (x instanceof Tensor t) return t.array();
        if (x instanceof List<?> || x instanceof Double) return Tensors.array(x);
        if (x instanceof CatValue.Sequence s) {
            a.requireMemory(MemoryBudget.count(s.length()) + " items of a " + Values.typeName(x), 40.0 * s.length());
            List<Object> items = new ArrayList<>();
            for (int i = 0; i < s.length(); i++) {
                Cancellation.poll(i);
                items.add(s.get(i));
            }
            return Tensors.array(items);
        }
        throw a.error("expected a list or tensor, got " + Values.typeName(x));
    }

    private static Object polyfit(Args a) {
        double[] x = a.array("x").dup().data().asDouble();
        double[] y = a.array("y").dup().data().asDouble();
        int deg = a.integer("deg");
        if (x.length != y.length) throw a.error("x has " + x.length + " points, y has " + y.length);
        if (x.length <= deg) throw a.error("a degree-" + deg + " fit needs more than " + deg + " points, got " + x.length);
        a.requireMemory(MemoryBudget.shape(x.length, deg + 1.0) + " Vandermonde entries (argument 'deg')", 8.0 * x.length * (deg + 1.0));
        double[] c = PolynomialFit.fit(x, y, deg);
        List<Object> out = new ArrayList<>();
        for (int j = 0; j <= deg; j++) out.add(c[j]);
        return java.util.Collections.unmodifiableList(out);
    }

    private static Object norm(Args a) {
        INDArray t = a.array("t");
        if (a.string("kind").equals("fro") || t.rank() < 2 || t.rows() == 1 || t.columns() == 1) {
            return t.norm2Number().doubleValue();
        }
        if (t.rank() != 2) throw a.error("expected a vector or matrix, got rank " + t.rank());
        INDArray g = t.rows() <= t.columns() ? t.mmul(t.transpose()) : t.transpose().mmul(t);
        INDArray sym = g.castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE).dup('f');
        INDArray eig = Eigen.symmetricGeneralizedEigenvalues(sym, true);
        return Math.sqrt(Math.max(0, eig.maxNumber().doubleValue()));
    }
}
