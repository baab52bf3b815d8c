package catapult.engine.models;

import catapult.engine.autodiff.Activation;
import catapult.engine.graph.GraphBuilder;
import catapult.engine.graph.Network;
import catapult.engine.graph.Node;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;

/**
 * Prints median timings of the bench's FCN2 steps (GD on the network, GD on its NQM, 20 HVPs
 * and the structured NTK), float32. Not a test: run it by hand, with OMP_NUM_THREADS=1.
 */
public final class Fcn2Timing {
    public static void main(String[] args) {
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT); catapult.numerics.Precision.set(DataType.FLOAT);
        GraphBuilder g = new GraphBuilder();
        Node h = g.activation(g.dense(g.input(100), 1024), Activation.RELU);
        g.output(g.dense(h, 1));
        Network net = g.build(0, 1.0, "ntk");
        INDArray x = Nd4j.randn(Nd4j.getRandomFactory().getNewRandomInstance(1), new long[]{128, 100}).castTo(DataType.FLOAT);
        INDArray y = Nd4j.randn(Nd4j.getRandomFactory().getNewRandomInstance(2), new long[]{128, 1}).castTo(DataType.FLOAT);
        INDArray u = Nd4j.rand(DataType.FLOAT, 1024, 100);
        System.out.printf("baseline gemm 128x100x1024 (2 of them) %.3f ms%n", median(() -> {
            Nd4j.gemm(x, u, false, true).close();
            Nd4j.gemm(x, u, false, true).close();
        }));
        System.out.printf("predict_fcn2   %.3f ms%n", median(() -> net.predict(x).close()));
        INDArray xa0 = Nd4j.randn(Nd4j.getRandomFactory().getNewRandomInstance(5), new long[]{2000, 100}).castTo(DataType.FLOAT);
        System.out.printf("predict n=2000 %.3f ms%n", median(() -> net.predict(xa0).close()));
        System.out.printf("forward+close  %.3f ms%n", median(() -> net.forward(x).close()));
        INDArray cot = Nd4j.ones(DataType.FLOAT, 128, 1);
        try (Model.Pass p0 = net.forward(x)) {
            System.out.printf("vjp only       %.3f ms%n", median(() -> p0.vjp(cot).close()));
        }
        System.out.printf("gd_step_fcn2   %.3f ms%n", median(() -> step(net, x, y)));
        QuadraticModel quad = new QuadraticModel(net);
        quad.params().addi(Nd4j.randn(Nd4j.getRandomFactory().getNewRandomInstance(3), new long[]{net.paramCount()}).castTo(DataType.FLOAT).muli(0.01));
        System.out.printf("nqm forward    %.3f ms%n", median(() -> quad.forward(x).close()));
        try (Model.Pass q0 = quad.forward(x)) {
            INDArray cq = Nd4j.ones(DataType.FLOAT, 128, 1);
            System.out.printf("nqm vjp only   %.3f ms%n", median(() -> q0.vjp(cq).close()));
        }
        System.out.printf("nqm_step_fcn2  %.3f ms%n", median(() -> step(quad, x, y)));
        LinearModel lin = new LinearModel(net);
        System.out.printf("lin_step_fcn2  %.3f ms%n", median(() -> step(lin, x, y)));
        INDArray c = Nd4j.ones(DataType.FLOAT, 128, 1).divi(128);
        INDArray v = Nd4j.randn(Nd4j.getRandomFactory().getNewRandomInstance(4), new long[]{net.paramCount()}).castTo(DataType.FLOAT);
        System.out.printf("hvp_fcn2 (x20) %.3f ms%n", median(() -> { for (int i = 0; i < 20; i++) net.hvp(x, c, v).close(); }));
        INDArray gcurv = Nd4j.ones(DataType.FLOAT, 128, 1).divi(128);
        INDArray res = net.predict(x).sub(y).divi(128);
        System.out.printf("lossHvp (x20)  %.3f ms%n", median(() -> { for (int i = 0; i < 20; i++) net.lossHvp(x, res, gcurv, v).close(); }));
        System.out.printf("ntk_fcn2       %.3f ms%n", median(() -> net.structuredNtk(x).close()));
        INDArray xa = Nd4j.randn(Nd4j.getRandomFactory().getNewRandomInstance(5), new long[]{2000, 100}).castTo(DataType.FLOAT);
        INDArray ones = Nd4j.ones(DataType.FLOAT, 2000, 1);
        if (Boolean.getBoolean("catapult.fcn5")) fcn5();
        try (Model.Pass pa = net.forward(xa)) {
            System.out.printf("inputVjp n=2000 %.3f ms%n", median(() -> pa.inputVjp(ones).close()));
        }
        System.out.printf("fwd+inputVjp   %.3f ms%n", median(() -> {
            try (Model.Pass p = net.forward(xa)) { p.inputVjp(ones).close(); }
        }));
        INDArray gxx = Nd4j.rand(DataType.FLOAT, 2000, 100);
        System.out.printf("gram 2000x100  %.3f ms%n", median(() -> Nd4j.gemm(gxx, gxx, true, false).divi(2000).close()));
        System.out.printf("agop_fcn2      %.3f ms%n", median(() -> {
            try (Model.Pass p = net.forward(xa)) {
                INDArray gx = p.inputVjp(ones);
                Nd4j.gemm(gx, gx, true, false).divi(2000).close();
                gx.close();
            }
        }));
    }

    /** The bench's FCN5 (3072 -> 4 x 1024 relu -> 1) structured NTK on 128 inputs. */
    static void fcn5() {
        GraphBuilder g = new GraphBuilder();
        Node h = g.activation(g.dense(g.input(3072), 1024), Activation.RELU);
        for (int l = 0; l < 3; l++) h = g.activation(g.dense(h, 1024), Activation.RELU);
        g.output(g.dense(h, 1));
        Network net = g.build(5, 1.0, "ntk");
        INDArray x = Nd4j.randn(Nd4j.getRandomFactory().getNewRandomInstance(6), new long[]{128, 3072}).castTo(DataType.FLOAT);
        System.out.printf("ntk_fcn5       %.3f ms%n", median(() -> net.structuredNtk(x).close()));
    }

    private static void step(Model m, INDArray x, INDArray y) {
        try (Model.Pass p = m.forward(x)) {
            INDArray r = p.output().sub(y).divi(x.rows());
            INDArray grad = p.vjp(r);
            m.params().subi(grad.muli(0.1));
            r.close();
            grad.close();
        }
    }

    /** Median wall time in ms of 60 calls after 20 warm-up calls; the minimum goes to stdout too. */
    private static double median(Runnable r) {
        for (int i = 0; i < 20; i++) r.run();
        double[] t = new double[60];
        for (int i = 0; i < t.length; i++) {
            long s = System.nanoTime();
            r.run();
            t[i] = (System.nanoTime() - s) / 1e6;
        }
        Arrays.sort(t);
        System.out.printf("  (min %.3f ms) ", t[0]);
        return t[t.length / 2];
    }
}
