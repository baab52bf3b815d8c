package catapult.engine.models;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.Arrays;

/** Scratch timings of single ND4J ops (by hand). */
public final class OpTiming {
    public static void main(String[] a) {
        INDArray x = Nd4j.rand(DataType.FLOAT, 128, 100);
        INDArray u = Nd4j.rand(DataType.FLOAT, 1024, 100);
        INDArray gbC = Nd4j.rand(DataType.FLOAT, 128, 1024);
        INDArray gbF = gbC.dup('f');
        INDArray flat = Nd4j.zeros(DataType.FLOAT, 1024 * 100 + 1024);
        INDArray target = flat.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 102400)).reshape('c', 1024, 100);
        System.out.println("target ews " + target.elementWiseStride() + " view " + target.isView());
        t("fwd gemm new", () -> Nd4j.gemm(x, u, false, true).close());
        t("grad gemm c-view gbC", () -> Nd4j.gemm(gbC, x, target, true, false, 1.0, 0.0));
        t("grad gemm c-view gbF", () -> Nd4j.gemm(gbF, x, target, true, false, 1.0, 0.0));
        INDArray tf = Nd4j.create(DataType.FLOAT, new long[]{1024, 100}, 'f');
        t("grad gemm f-new gbC", () -> Nd4j.gemm(gbC, x, tf, true, false, 1.0, 0.0));
        t("grad gemm new", () -> Nd4j.gemm(gbC, x, true, false).close());
        INDArray tT = target.transpose();
        t("grad^T gemm x^T gb", () -> Nd4j.gemm(x, gbC, tT, true, false, 1.0, 0.0));
        t("step small", () -> Transforms.step(gbC, true).close());
        t("mul small", () -> gbC.mul(gbF).close());
        t("mul small same", () -> gbC.mul(gbC).close());
        t("zeros p", () -> Nd4j.zeros(DataType.FLOAT, 103424).close());
        t("view+reshape", () -> flat.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 102400)).reshape('c', 1024, 100));
    }

    static void t(String name, Runnable r) {
        for (int i = 0; i < 10; i++) r.run();
        double[] t = new double[30];
        for (int i = 0; i < t.length; i++) {
            long s = System.nanoTime();
            r.run();
            t[i] = (System.nanoTime() - s) / 1e6;
        }
        Arrays.sort(t);
        System.out.printf("%-20s %.3f ms (min %.3f)%n", name, t[15], t[0]);
    }
}
