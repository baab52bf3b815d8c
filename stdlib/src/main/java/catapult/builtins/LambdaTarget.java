package catapult.builtins;

import catapult.engine.data.Target;
import catapult.lang.eval.Interpreter;
import catapult.lang.syntax.Span;
import catapult.lang.value.CatFunction;
import catapult.lang.value.Tensor;
import catapult.lang.value.Values;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A language function over one input vector (a `.cat` lambda, or a Python / JavaScript function)
 * seen by the engine as a batched {@link Target}: it is called once per row, since a lambda such
 * as {@code x => x[0] * x[1]} means something else on a whole matrix. It returns a number
 * (k = 1) or a vector of k numbers per example. Each call gets a row view of a private copy of
 * the batch (tensors are immutable in the language), which avoids one off-heap allocation per
 * example.
 */
final class LambdaTarget implements Target {

    private final CatFunction f;
    private final Interpreter interp;
    private final Span site;

    LambdaTarget(CatFunction f, Interpreter interp, Span site) {
        this.f = f;
        this.interp = interp;
        this.site = site;
    }

    @Override
    public INDArray apply(INDArray x) {
        int n = (int) x.size(0);
        INDArray own = x.dup('c');
        double[][] rows = new double[n][];
        for (int i = 0; i < n; i++) {
            Object r = interp.call(f, List.of(new Tensor(own.getRow(i))), site);
            rows[i] = values(r, i);
            if (rows[i].length != rows[0].length) {
                throw new IllegalArgumentException("target returned " + rows[i].length + " values for example " + i
                        + " but " + rows[0].length + " for example 0");
            }
        }
        return Nd4j.createFromArray(rows).castTo(x.dataType());
    }

    private static double[] values(Object r, int i) {
        Double d = Values.asNumber(r);
        if (d != null) {
            return new double[] {d};
        }
        if (r instanceof Tensor t && t.rank() <= 1) {
            return t.array().castTo(DataType.DOUBLE).toDoubleVector();
        }
        throw new IllegalArgumentException("target must return a number (or a vector) for each example, got "
                + Values.typeName(r) + " for example " + i);
    }

    @Override
    public String label() { return f.name(); }
}
