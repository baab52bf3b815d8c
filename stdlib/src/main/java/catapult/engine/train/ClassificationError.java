package catapult.engine.train;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The fraction of misclassified examples, for {@code test_error}: with one output the labels are
 * +-1 and an example is wrong when sign(f) differs from sign(y) (f = 0 counts as wrong); with k
 * outputs the labels are one-hot and it is wrong when argmax f differs from argmax y.
 */
final class ClassificationError {

    private ClassificationError() {}

    static double of(INDArray f, INDArray y) {
        if (!java.util.Arrays.equals(f.shape(), y.shape())) {
            throw new IllegalArgumentException("classification error: the outputs have shape " + java.util.Arrays.toString(f.shape())
                    + " but labels have shape " + java.util.Arrays.toString(y.shape()));
        }
        long n = f.size(0);
        if (f.size(1) == 1) {
            INDArray agree = f.mul(y.castTo(f.dataType()));
            double wrong = agree.lte(0).castTo(f.dataType()).sumNumber().doubleValue();
            agree.close();
            return wrong / n;
        }
        INDArray predicted = f.argMax(1);
        INDArray actual = y.argMax(1);
        double wrong = predicted.neq(actual).castTo(f.dataType()).sumNumber().doubleValue();
        return wrong / n;
    }
}
