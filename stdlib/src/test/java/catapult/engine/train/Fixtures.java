package catapult.engine.train;

import catapult.engine.data.Dataset;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.eigen.Eigen;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Small seeded datasets and closed forms shared by the training tests. */
final class Fixtures {

    private Fixtures() {}

    /** n examples in d dimensions with +-1 labels (k = 1). */
    static Dataset classification(int n, int d, long seed) {
        INDArray x = Nd4j.randn(Nd4j.create(Nd4j.defaultFloatingPointType(), n, d), seed);
        INDArray y = Transforms.sign(Nd4j.randn(Nd4j.create(Nd4j.defaultFloatingPointType(), n, 1), seed + 100));
        return Dataset.of(x, y, "fixture");
    }

    /** Eigenvalues of x x' (the NTK of the linear model), descending. */
    static double[] gramEigenvalues(INDArray x) {
        INDArray k = x.castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE).mmul(x.castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE).transpose());
        double[] ev = Eigen.symmetricGeneralizedEigenvalues(k, true).toDoubleVector();
        java.util.Arrays.sort(ev);
        double[] desc = new double[ev.length];
        for (int i = 0; i < ev.length; i++) desc[i] = ev[ev.length - 1 - i];
        return desc;
    }
}
