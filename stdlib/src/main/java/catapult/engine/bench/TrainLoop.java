package catapult.engine.bench;

import catapult.engine.SeededDraws;
import catapult.engine.data.Dataset;
import catapult.engine.kernels.Loss;
import catapult.engine.models.Model;
import catapult.engine.train.Optimizer;
import catapult.engine.train.TrainConfig;
import catapult.engine.train.Trainer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The Java side of the {@code .cat} loop-overhead measurement (docs/performance.md): full-batch
 * GD on FCN2 (d = 100, m = 1024, n = 128, half-MSE, lr 0.1) through the engine's Trainer, once
 * as one {@code train} of S steps and once as S calls of one step each, the same work as
 * {@code docs/perf/loop_overhead.cat}. Prints seconds per step. Usage: {@code TrainLoop [steps]}.
 */
public final class TrainLoop {

    private TrainLoop() {
    }

    public static void main(String[] args) {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
        INDArray x = SeededDraws.normal(0, DataType.FLOAT, 128, BenchNets.FCN2_D);
        INDArray y = SeededDraws.normal(1, DataType.FLOAT, 128, 1);
        Dataset data = Dataset.of(x, y, "fcn2 gaussian");
        TrainConfig one = TrainConfig.defaults().withLoss(Loss.HALF_MSE).withSteps(1);
        TrainConfig all = one.withSteps(steps);
        Optimizer gd = Optimizer.gd(catapult.engine.train.LrSchedule.constant(0.1));
        for (int rep = 0; rep < 3; rep++) {
            Model net = BenchNets.fcn2(null, 0);
            long t0 = System.nanoTime();
            Trainer.train(net, data, gd, all);
            double whole = (System.nanoTime() - t0) / 1e9 / steps;
            Model net2 = BenchNets.fcn2(null, 0);
            long t1 = System.nanoTime();
            for (int t = 0; t < steps; t++) {
                Trainer.train(net2, data, gd, one);
            }
            double loop = (System.nanoTime() - t1) / 1e9 / steps;
            System.out.printf("java: train(steps: %d) %.1f us/step; %d x train(steps: 1) %.1f us/step%n",
                    steps, whole * 1e6, steps, loop * 1e6);
        }
    }
}
