package catapult.engine.kernels;

import catapult.engine.models.Model;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Independent reference computations for tests: everything by brute force on small sizes. */
final class Oracles {

    private Oracles() {
    }

    /** The n k x p Jacobian, column by column from forward-mode products J e_p (example-major rows). */
    static INDArray jacobianByJvp(Model m, INDArray x) {
        long p = m.paramCount();
        long rows = x.size(0) * m.outputCount();
        INDArray j = Nd4j.create(DataType.DOUBLE, rows, p);
        for (long c = 0; c < p; c++) {
            INDArray e = Nd4j.zeros(m.params().dataType(), p);
            e.putScalar(c, 1.0);
            j.putColumn((int) c, m.jvp(x, e).reshape(rows).castTo(DataType.DOUBLE));
        }
        return j;
    }

    /** The n k x p Jacobian by central finite differences of predict (float64 models). */
    static INDArray jacobianByDifferences(Model m, INDArray x, double h) {
        long p = m.paramCount();
        long rows = x.size(0) * m.outputCount();
        INDArray j = Nd4j.create(DataType.DOUBLE, rows, p);
        for (long c = 0; c < p; c++) {
            INDArray w = m.params().dup();
            w.putScalar(c, w.getDouble(c) + h);
            INDArray plus = m.withParams(w).predict(x);
            w.putScalar(c, w.getDouble(c) - 2 * h);
            INDArray minus = m.withParams(w).predict(x);
            j.putColumn((int) c, plus.sub(minus).divi(2 * h).reshape(rows));
        }
        return j;
    }

    /** The matrix of a linear operator, column by column. */
    static INDArray dense(LinearOperator op, long dim) {
        INDArray a = Nd4j.create(DataType.DOUBLE, dim, dim);
        for (long c = 0; c < dim; c++) {
            INDArray e = Nd4j.zeros(DataType.DOUBLE, dim);
            e.putScalar(c, 1.0);
            a.putColumn((int) c, op.apply(e).reshape(dim).castTo(DataType.DOUBLE));
        }
        return a;
    }

    /** All eigenvalues of a symmetric matrix, descending (LAPACK on a copy). */
    static double[] eigenvaluesDescending(INDArray symmetric) {
        INDArray asc = org.nd4j.linalg.eigen.Eigen.symmetricGeneralizedEigenvalues(
                symmetric.castTo(DataType.DOUBLE).dup('f'), false);
        double[] v = asc.toDoubleVector();
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = v[v.length - 1 - i];
        }
        return r;
    }

    static double maxAbsDiff(INDArray a, INDArray b) {
        return a.castTo(DataType.DOUBLE).sub(b.castTo(DataType.DOUBLE)).amaxNumber().doubleValue();
    }

    static double relErr(INDArray got, INDArray want) {
        return maxAbsDiff(got, want) / Math.max(1e-300, want.castTo(DataType.DOUBLE).amaxNumber().doubleValue());
    }
}
