package catapult.engine.bench;

import catapult.engine.SeededDraws;
import catapult.engine.autodiff.Activation;
import catapult.engine.graph.GraphBuilder;
import catapult.engine.graph.Network;
import catapult.engine.graph.Node;
import catapult.engine.kernels.HessianNorm;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Transition to linearity (thesis Theorem 2.3.6) over the full width range: ||H_f|| at init of a
 * 3-layer ReLU net (d = 10, widths 64..2048, 4 inputs) and the log-log slope, expected near -1/2
 * (the unit test covers a cheap subset). Prints one JSON object. Args: optional widths.
 */
public final class HessianScaling {

    private HessianScaling() {
    }

    public static void main(String[] args) {
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
        int[] widths = args.length > 0 ? java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray()
                : new int[] {64, 128, 256, 512, 1024, 2048};
        INDArray x = SeededDraws.normal(21, DataType.FLOAT, 4, 10);
        List<Double> norms = new ArrayList<>();
        for (int w : widths) {
            norms.add(HessianNorm.of(threeLayerRelu(10, w, 22), x, 1e-4));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("widths", java.util.Arrays.stream(widths).boxed().toList());
        out.put("hessian_norm", norms);
        out.put("loglog_slope", slope(widths, norms));
        System.out.println(BenchJson.write(out));
    }

    /** Least-squares slope of log norm against log width. */
    static double slope(int[] widths, List<Double> norms) {
        int n = widths.length;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += Math.log(widths[i]) / n;
            my += Math.log(norms.get(i)) / n;
        }
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            double dx = Math.log(widths[i]) - mx;
            sxy += dx * (Math.log(norms.get(i)) - my);
            sxx += dx * dx;
        }
        return sxy / sxx;
    }

    static Network threeLayerRelu(int d, int width, long seed) {
        GraphBuilder g = new GraphBuilder();
        Node h1 = g.activation(g.dense(g.input(d), width), Activation.RELU);
        Node h2 = g.activation(g.dense(h1, width), Activation.RELU);
        g.output(g.dense(h2, 1));
        return g.build(seed, 1.0, "ntk");
    }
}
