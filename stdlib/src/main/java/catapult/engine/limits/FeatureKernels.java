package catapult.engine.limits;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.IntFunction;

/**
 * The limit kernels between two neuron features over every pair of data points:
 * E[F(x_i) H(x_j)] (NNGP) and lim <dF(x_i)/dw, dH(x_j)/dw> (NTK). For terms c phi(A) of F and
 * d psi(B) of H, with A = sum_k a_k g_k and B = sum_k b_k g_k over dense pre-activations g_k:
 * <pre>
 *   NNGP += c d E[phi(A(x)) psi(B(x'))],              cov(A(x), B(x')) = sum_k a_k b_k Sigma_k(x, x')
 *   NTK  += c d E[phi'(A(x)) psi'(B(x'))] sum_k a_k b_k Theta_k(x, x')
 * </pre>
 * since pre-activations of different keys are independent and their tangents orthogonal in the
 * limit. A group with several components (random input masks) is averaged over them.
 */
final class FeatureKernels {
    /** Most Gaussian-expectation evaluations one kernel may take (quadrature points counted). */
    static final double BUDGET = 4e9;
    private static final int PLANE_POINTS = GaussianGrid.plane(GaussianGrid.MAX_STEP).size();

    private final int n;
    private final Map<Integer, List<KernelComponent>> groups;
    private final IntFunction<String> describe;

    /** NNGP and NTK, n x n row-major. */
    record Pair(double[] nngp, double[] ntk) {}

    FeatureKernels(int n, Map<Integer, List<KernelComponent>> groups, IntFunction<String> describe) {
        this.n = n;
        this.groups = groups;
        this.describe = describe;
    }

    /** The kernels of F against H; {@code same} when F and H are the same neuron (symmetric result). */
    Pair of(NeuronFeature f, NeuronFeature h, boolean same) {
        double[] nngp = new double[n * n];
        double[] ntk = new double[n * n];
        for (NeuronTerm t : f.terms()) {
            for (NeuronTerm u : h.terms()) {
                if (!contributes(t, u)) continue;
                List<NeuronKey> mixed = mixtureKeys(t, u);
                checkCost(t, u, mixed);
                int[] pick = new int[mixed.size()];
                do {
                    if (Thread.currentThread().isInterrupted()) throw new java.util.concurrent.CancellationException("interrupted");
                    double w = 1;
                    for (int m = 0; m < pick.length; m++) w *= groups.get(mixed.get(m).group()).get(pick[m]).weight();
                    if (w > 0) accumulate(t, u, same, mixed, pick, w, nngp, ntk);
                } while (advance(pick, mixed));
            }
        }
        if (same) mirror(nngp, ntk);
        return new Pair(nngp, ntk);
    }

    /**
     * Whether c phi(A) and d psi(B) can contribute: a linear term against a term it shares no
     * pre-activation with gives 0 (uncorrelated, and E[u] = 0), exactly.
     */
    private static boolean contributes(NeuronTerm t, NeuronTerm u) {
        if (!t.linear() && !u.linear()) return true;
        for (NeuronKey k : t.arg().terms().keySet()) if (u.arg().terms().containsKey(k)) return true;
        return false;
    }

    private void accumulate(NeuronTerm t, NeuronTerm u, boolean same, List<NeuronKey> mixed, int[] pick,
                            double w, double[] nngp, double[] ntk) {
        double[] s1 = variance(t.arg(), mixed, pick);
        double[] s2 = variance(u.arg(), mixed, pick);
        int[] idx = pairs(same);
        double[] a = new double[idx.length];
        double[] b = new double[idx.length];
        double[] c = new double[idx.length];
        double[] th = new double[idx.length];
        for (int p = 0; p < idx.length; p++) {
            a[p] = s1[idx[p] / n];
            b[p] = s2[idx[p] % n];
        }
        cross(t.arg(), u.arg(), mixed, pick, idx, c, th);
        GaussianPairs.Moments m = GaussianPairs.of(t.act(), u.act(), a, b, c);
        double scale = w * t.coef() * u.coef();
        for (int p = 0; p < idx.length; p++) {
            nngp[idx[p]] += scale * m.value()[p];
            ntk[idx[p]] += scale * m.slope()[p] * th[p];
        }
    }

    /** Var A(x_i) = sum_k a_k^2 Sigma_k(x_i, x_i). */
    private double[] variance(GaussianSum arg, List<NeuronKey> mixed, int[] pick) {
        double[] s = new double[n];
        for (Map.Entry<NeuronKey, Double> e : arg.terms().entrySet()) {
            double[] sigma = component(e.getKey(), mixed, pick).sigma();
            double a2 = e.getValue() * e.getValue();
            for (int i = 0; i < n; i++) s[i] += a2 * sigma[i * n + i];
        }
        return s;
    }

    /** cov(A(x_i), B(x_j)) and sum_k a_k b_k Theta_k(x_i, x_j) over the keys A and B share. */
    private void cross(GaussianSum a, GaussianSum b, List<NeuronKey> mixed, int[] pick, int[] idx, double[] c, double[] th) {
        for (Map.Entry<NeuronKey, Double> e : a.terms().entrySet()) {
            Double other = b.terms().get(e.getKey());
            if (other == null) continue;
            KernelComponent k = component(e.getKey(), mixed, pick);
            double ab = e.getValue() * other;
            for (int p = 0; p < idx.length; p++) {
                c[p] += ab * k.sigma()[idx[p]];
                th[p] += ab * k.theta()[idx[p]];
            }
        }
    }

    /** The component of key's group that pick chooses (its only one for a single-component group). */
    private KernelComponent component(NeuronKey key, List<NeuronKey> mixed, int[] pick) {
        List<KernelComponent> all = groups.get(key.group());
        return all.size() == 1 ? all.get(0) : all.get(pick[mixed.indexOf(key)]);
    }

    /** The keys of t and u whose groups have several components (each neuron its own mask). */
    private List<NeuronKey> mixtureKeys(NeuronTerm t, NeuronTerm u) {
        TreeSet<NeuronKey> keys = new TreeSet<>();
        for (NeuronTerm x : List.of(t, u)) {
            for (NeuronKey k : x.arg().terms().keySet()) if (groups.get(k.group()).size() > 1) keys.add(k);
        }
        return new ArrayList<>(keys);
    }

    private boolean advance(int[] pick, List<NeuronKey> mixed) {
        for (int m = 0; m < pick.length; m++) {
            if (++pick[m] < groups.get(mixed.get(m).group()).size()) return true;
            pick[m] = 0;
        }
        return false;
    }

    private int[] pairs(boolean upper) {
        int count = upper ? n * (n + 1) / 2 : n * n;
        int[] idx = new int[count];
        int p = 0;
        for (int i = 0; i < n; i++) for (int j = upper ? i : 0; j < n; j++) idx[p++] = i * n + j;
        return idx;
    }

    private void mirror(double[] nngp, double[] ntk) {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                nngp[i * n + j] = nngp[j * n + i];
                ntk[i * n + j] = ntk[j * n + i];
            }
        }
    }

    private void checkCost(NeuronTerm t, NeuronTerm u, List<NeuronKey> mixed) {
        double assignments = 1;
        for (NeuronKey k : mixed) assignments *= groups.get(k.group()).size();
        boolean closed = t.linear() || u.linear() || ClosedForms.covers(t.act().single(), u.act().single());
        double evaluations = (double) n * n * (closed ? 1 : PLANE_POINTS);
        if (assignments * evaluations > BUDGET) {
            throw new IllegalArgumentException(describe.apply(mixed.get(0).group()) + " drops edges from a fixed number of input"
                    + " features, so its limit averages over " + (long) assignments + " edge masks, each needing "
                    + (long) evaluations + " Gaussian expectations (too many); use relu, erf or identity after it, fewer"
                    + " points, or drop edges only from wide groups");
        }
    }
}
