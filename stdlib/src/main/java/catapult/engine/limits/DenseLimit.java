package catapult.engine.limits;

import catapult.engine.graph.GraphGroup;
import catapult.engine.graph.GroupSpec;
import catapult.engine.limits.LimitNode.Fixed;
import catapult.engine.limits.LimitNode.Inputs;
import catapult.engine.limits.LimitNode.Wide;
import java.util.ArrayList;
import java.util.List;

/**
 * The limit kernels of a dense group's pre-activation g = (1/sqrt(in)) sum_{u -> v} w_uv f_u + b
 * (thesis Eq. 2.2, weights and bias N(0, std^2)) from those of its sources:
 * <pre>
 *   Sigma_in = sum_s r_s Kbar_s,   Theta_in = sum_s r_s Thetabar_s
 *   Sigma_g  = std^2 (Sigma_in + [bias])
 *   Theta_g  = [trainable] (Sigma_in + [bias]) + std^2 Theta_in
 * </pre>
 * where Kbar_s, Thetabar_s are source s's kernels averaged over its neurons and r_s its share
 * of the fan-in: among wide sources their neuron counts' ratio (sources of fixed size get a
 * vanishing share next to a wide one). Dropped edges (any fixed p) and {@code indegree} (taken to
 * grow in proportion to the fan-in; 1, a bottleneck, is rejected) do not change this: each
 * neuron's average over its kept edges concentrates at the same mean. Only a group reading input
 * features alone keeps the randomness of its masks ({@link MaskMixture}).
 */
final class DenseLimit {
    private DenseLimit() {}

    /**
     * @param averaged source index -> {Kbar, Thetabar} of a wide source (n x n row-major)
     */
    static List<KernelComponent> components(GraphGroup g, List<LimitNode> sources, java.util.function.IntFunction<double[][]> averaged,
                                            int n, double std) {
        GroupSpec.Dense spec = (GroupSpec.Dense) g.spec();
        double wideUnits = 0;
        for (LimitNode s : sources) if (s instanceof Wide w) wideUnits += w.units();
        if (wideUnits > 0) {
            if (spec.indegree() != null && spec.indegree() == 1) {
                throw new IllegalArgumentException(g.describe() + " has indegree 1: each neuron passes one random source"
                        + " neuron times one weight, which is not Gaussian however wide the layers are (a bottleneck);"
                        + " the limit takes indegree to grow with the width");
            }
            double[] sigmaIn = new double[n * n];
            double[] thetaIn = new double[n * n];
            for (int i = 0; i < sources.size(); i++) {
                if (!(sources.get(i) instanceof Wide w)) continue;
                double r = w.units() / wideUnits;
                double[][] k = averaged.apply(i);
                for (int p = 0; p < n * n; p++) {
                    sigmaIn[p] += r * k[0][p];
                    thetaIn[p] += r * k[1][p];
                }
            }
            return List.of(component(1.0, sigmaIn, thetaIn, spec, std));
        }
        if (sources.stream().anyMatch(s -> s instanceof Fixed)) {
            throw new IllegalArgumentException(g.describe() + " reads only groups of fixed size that have weights (outputs);"
                    + " a narrow random layer has no Gaussian limit");
        }
        return fromInputs(joined(sources, n), spec, std);
    }

    private static List<KernelComponent> fromInputs(double[][] x, GroupSpec.Dense spec, double std) {
        int n = x.length;
        int d = x.length == 0 ? 0 : x[0].length;
        if (spec.drop() == 0 && spec.indegree() == null) {
            int[] all = new int[d];
            for (int u = 0; u < d; u++) all[u] = u;
            return List.of(component(1.0, gram(x, all), new double[n * n], spec, std));
        }
        List<KernelComponent> out = new ArrayList<>();
        for (MaskMixture.Mask m : MaskMixture.masks(d, spec.drop(), spec.indegree())) {
            out.add(component(m.weight(), gram(x, m.kept()), new double[n * n], spec, std));
        }
        return out;
    }

    private static KernelComponent component(double weight, double[] sigmaIn, double[] thetaIn, GroupSpec.Dense spec, double std) {
        double bias = spec.bias() ? 1.0 : 0.0;
        double s2 = std * std;
        double[] sigma = new double[sigmaIn.length];
        double[] theta = new double[sigmaIn.length];
        for (int p = 0; p < sigma.length; p++) {
            sigma[p] = s2 * (sigmaIn[p] + bias);
            theta[p] = (spec.trainable() ? sigmaIn[p] + bias : 0.0) + s2 * thetaIn[p];
        }
        return new KernelComponent(weight, sigma, theta);
    }

    /** (1/|S|) sum_{u in S} x_u x'_u over the kept features S (0 when none is kept). */
    private static double[] gram(double[][] x, int[] kept) {
        int n = x.length;
        double[] k = new double[n * n];
        if (kept.length == 0) return k;
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double s = 0;
                for (int u : kept) s += x[i][u] * x[j][u];
                k[i * n + j] = s / kept.length;
                k[j * n + i] = k[i * n + j];
            }
        }
        return k;
    }

    private static double[][] joined(List<LimitNode> sources, int n) {
        int d = 0;
        for (LimitNode s : sources) d += ((Inputs) s).cols();
        double[][] x = new double[n][d];
        int at = 0;
        for (LimitNode s : sources) {
            Inputs in = (Inputs) s;
            for (int i = 0; i < n; i++) System.arraycopy(in.x()[i], 0, x[i], at, in.cols());
            at += in.cols();
        }
        return x;
    }
}
