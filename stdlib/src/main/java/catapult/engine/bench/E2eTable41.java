package catapult.engine.bench;

import catapult.engine.autodiff.Activation;
import catapult.engine.data.Dataset;
import catapult.engine.data.NamedTarget;
import catapult.engine.data.Regress;
import catapult.engine.data.Synthetic;
import catapult.engine.graph.GraphBuilder;
import catapult.engine.graph.Network;
import catapult.engine.kernels.Agop;
import catapult.engine.kernels.CriticalLr;
import catapult.engine.kernels.Loss;
import catapult.engine.models.Model;
import catapult.engine.train.LrSchedule;
import catapult.engine.train.Metric;
import catapult.engine.train.Optimizer;
import catapult.engine.train.Run;
import catapult.engine.train.TrainConfig;
import catapult.engine.train.Trainer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The whole-experiment benchmark {@code e2e_table41}: the workload of the PyTorch peer
 * {@code peer_e2e.py} (a reduced thesis Table 4.1) through the engine's training loop, with the
 * same sizes, steps and cadences. Data x ~ N(0, I_50), y = x1 x2 + 0.1 N(0, 1), n = 1000, 1000
 * noise-free test points; a 2-layer ReLU net of width 512 (NTK parameterization, no bias); mse
 * loss; from the same w0 at lr = eta_crit / 2: GD for 1000 steps and SGD with batch 50 / 10 / 5 for
 * 5000 / 10000 / 20000 steps, test loss every 100 steps, then the AGOP alignment with the
 * target's EGOP on the test inputs. Timed in-process like the peer's {@code total_s}: data and
 * w0 set-up included. {@code docs/perf/e2e_table41.cat} is the same workload as a script.
 */
final class E2eTable41 {

    static final int N = 1000;
    static final int D = 50;
    static final int WIDTH = 512;
    static final int[][] RUNS = {{N, 1000}, {50, 5000}, {10, 10000}, {5, 20000}};
    static final int EVAL_EVERY = 100;

    private E2eTable41() {}

    /** Runs the workload with every step count times {@code scale}; returns the result record. */
    static Map<String, Object> run(double scale) {
        long t0 = System.nanoTime();
        Dataset train = Regress.regress(Synthetic.gaussian(N, D, 1), NamedTarget.RANK2, 0.1, 2);
        Dataset test = Regress.regress(Synthetic.gaussian(N, D, 3), NamedTarget.RANK2, 0.0, 4);
        INDArray gstar = Agop.egop(NamedTarget.RANK2, test.x());
        Network net0 = fcn2();
        double lr = CriticalLr.of(net0, train.x(), train.y(), Loss.MSE, "ntk") / 2;
        List<Object> runs = new ArrayList<>();
        for (int[] r : RUNS) runs.add(one(net0, train, test, gstar, lr, r[0], Math.max(1, (int) (r[1] * scale))));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("scale", scale);
        out.put("lr", lr);
        out.put("runs", runs);
        out.put("total_s", (System.nanoTime() - t0) / 1e9);
        return out;
    }

    private static Map<String, Object> one(Network net0, Dataset train, Dataset test, INDArray gstar, double lr,
                                           int batch, int steps) {
        long t0 = System.nanoTime();
        Model net = net0.copy();
        LrSchedule rate = LrSchedule.constant(lr);
        Optimizer opt = batch >= N ? Optimizer.gd(rate) : Optimizer.sgd(rate, batch);
        TrainConfig cfg = TrainConfig.defaults().withSteps(steps).withLoss(Loss.MSE).withTest(test)
                .track(Metric.named("test_loss")).withEvery(EVAL_EVERY).withSeed(1);
        Run run = Trainer.train(net, train, opt, cfg);
        double alignment = Agop.alignment(Agop.agop(net, test.x()), gstar);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("batch", batch);
        m.put("steps", steps);
        m.put("wall_s", (System.nanoTime() - t0) / 1e9);
        Map<String, Object> last = run.finalValues();
        m.put("train_loss", last.get("loss"));
        m.put("test_loss", last.get("test_loss"));
        m.put("best_test_loss", run.best("test_loss"));
        m.put("alignment", alignment);
        return m;
    }

    private static Network fcn2() {
        GraphBuilder g = new GraphBuilder();
        g.output(g.dense(g.activation(g.dense(g.input(D), WIDTH), Activation.RELU), 1));
        return g.build(0, 1.0, "ntk");
    }
}
