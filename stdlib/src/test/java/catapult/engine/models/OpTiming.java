package catapult.engine.models;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.Arrays;

/** Scratch timings of single ND4J ops (by hand). */
public final class OpTiming {
    public static void main(String[] a) {
        INDArray x = Nd4j.rand(DataType.FLOAT, 2000, 100);
        INDArray u = Nd4j.rand(DataType.FLOAT, 1024, 100);
        INDArray zf = Nd4j.gemm(x, u, false, true);
        INDArray zc = zf.dup('c');
        System.out.println("gemm order " + zf.ordering());
        t("gemm new", () -> Nd4j.gemm(x, u, false, true).close());
        INDArray out = Nd4j.createUninitialized(DataType.FLOAT, new long[]{2000, 1024}, 'f');
        t("gemm into f", () -> Nd4j.gemm(x, u, out, false, true, 1.0, 0.0));
        INDArray outc = Nd4j.createUninitialized(DataType.FLOAT, new long[]{2000, 1024}, 'c');
        t("gemm into c", () -> Nd4j.gemm(x, u, outc, false, true, 1.0, 0.0));
        t("mmul", () -> x.mmul(u.transpose()).close());
        t("relu f", () -> Transforms.relu(zf, true).close());
        t("relu c", () -> Transforms.relu(zc, true).close());
        t("step f", () -> Transforms.step(zf, true).close());
        t("mul f", () -> zf.mul(zf).close());
        t("dup", () -> zf.dup().close());
        t("zeros 1M", () -> Nd4j.zeros(DataType.FLOAT, 1024 * 1024).close());
        t("createUninit 2M", () -> Nd4j.createUninitialized(DataType.FLOAT, new long[]{2000, 1024}, 'f').close());
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
