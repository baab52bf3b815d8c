package catapult.engine.train;

import catapult.engine.autodiff.Activation;
import catapult.engine.data.Dataset;
import catapult.engine.graph.GraphBuilder;
import catapult.engine.graph.Network;
import catapult.engine.graph.Node;
import catapult.engine.models.Model;
import catapult.engine.models.QuadraticModel;
import org.junit.jupiter.api.Test;

/**
 * Not a unit test (no *Test suffix, so surefire skips it): measures what tracking ntk_eigs(2)
 * every 10 steps costs relative to plain training. Run with -Dtest=TrackingCostMeasurement.
 */
class TrackingCostMeasurement {

    static Network net(int d, int width, long seed) {
        GraphBuilder g = new GraphBuilder();
        Node x = g.input(d);
        Node h = g.activation(g.dense(x, width), Activation.RELU);
        g.output(g.dense(h, 1));
        return g.build(seed, 1.0, "ntk");
    }

    private static double seconds(Model m, Dataset data, Optimizer opt, TrainConfig cfg) {
        Run run = Trainer.train(m, data, opt, cfg);
        if (run.has("ntk_eigs")) System.out.println("  final ntk_eigs " + java.util.Arrays.toString(run.series("ntk_eigs").last()));
        return run.seconds();
    }

    @Test
    void measure() {
        int n = Integer.getInteger("n", 128);
        int width = Integer.getInteger("width", 1024);
        int steps = Integer.getInteger("steps", 200);
        Dataset data = Fixtures.classification(n, 10, 3);
        Optimizer opt = Optimizer.gd(Schedules.relative(0.5));
        TrainConfig plain = TrainConfig.defaults().withSteps(steps);
        TrainConfig tracked = plain.withEvery(10).track(Metric.ntkEigs(2));
        for (String kind : new String[] {"network", "quadratic", "opaque network"}) {
            for (int rep = 0; rep < 2; rep++) {
                Network base = net(10, width, 1);
                Model a = kind.equals("network") ? base : kind.equals("quadratic") ? new QuadraticModel(base) : new Opaque(base);
                Model b = a.copy();
                double s0 = seconds(a, data, opt, plain);
                double s1 = seconds(b, data, opt, tracked);
                System.out.printf("%s n=%d width=%d steps=%d: plain %.3fs, ntk_eigs(2) every 10 %.3fs, ratio %.2f%n",
                        kind, n, width, steps, s0, s1, s1 / s0);
            }
        }
    }

    /** The network hidden behind a plain Model, so tracking must use NTK-vector products. */
    private static final class Opaque implements Model {
        private final Network net;

        Opaque(Network net) { this.net = net; }

        @Override public long paramCount() { return net.paramCount(); }

        @Override public int outputCount() { return net.outputCount(); }

        @Override public long[] inputShape() { return net.inputShape(); }

        @Override public org.nd4j.linalg.api.ndarray.INDArray params() { return net.params(); }

        @Override public org.nd4j.linalg.api.ndarray.INDArray initialParams() { return net.initialParams(); }

        @Override public org.nd4j.linalg.api.ndarray.INDArray predict(org.nd4j.linalg.api.ndarray.INDArray x) { return net.predict(x); }

        @Override public Pass forward(org.nd4j.linalg.api.ndarray.INDArray x) { return net.forward(x); }

        @Override public org.nd4j.linalg.api.ndarray.INDArray jvp(org.nd4j.linalg.api.ndarray.INDArray x, org.nd4j.linalg.api.ndarray.INDArray v) { return net.jvp(x, v); }

        @Override public org.nd4j.linalg.api.ndarray.INDArray hvp(org.nd4j.linalg.api.ndarray.INDArray x, org.nd4j.linalg.api.ndarray.INDArray c, org.nd4j.linalg.api.ndarray.INDArray v) { return net.hvp(x, c, v); }

        @Override public Model copy() { return new Opaque((Network) net.copy()); }

        @Override public Model withParams(org.nd4j.linalg.api.ndarray.INDArray w) { return new Opaque((Network) net.withParams(w)); }

        @Override public String describe() { return net.describe(); }
    }
}
