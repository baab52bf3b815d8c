package catapult.engine.bench;

import catapult.engine.SeededDraws;
import catapult.engine.graph.Network;
import catapult.engine.kernels.Agop;
import catapult.engine.kernels.Spectra;
import catapult.engine.models.Model;
import catapult.engine.models.QuadraticModel;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code ./catapult bench}: times the six figures of the PyTorch peer benchmark
 * (definitions in docs/performance.md) on Catapult's engine and prints ONE JSON object to stdout: per figure
 * the median seconds after warm-up (peer key names), min/max, other processes' CPU share, the
 * peer's figures at the same thread count and the ratios; plus threads, the measured sgemm rate and
 * the FCN5 NTK's fraction of it. Each figure first runs untimed for up to 1.5 s so that the JVM
 * has compiled the engine before the peer's warm-up and timing rule starts. Options: {@code --quick} (1 warm-up, 2 timed calls),
 * {@code --only a,b}.
 */
public final class Bench {

    /** Untimed JIT warm-up per figure before the peer's warm-up rule (see Timing). */
    private static final double JIT_WARMUP_S = 1.5;

    private final boolean quick;
    private final Set<String> only;
    private final Map<String, Object> result = new LinkedHashMap<>();
    private final Map<String, PeerFigures.Pair> peer;
    private final Fcn2Data fcn2;

    private Bench(boolean quick, Set<String> only) {
        this.quick = quick;
        this.only = only;
        this.peer = PeerFigures.forThreads(threads());
        this.fcn2 = Fcn2Data.load();
    }

    public static void main(String[] args) {
        boolean quick = Arrays.asList(args).contains("--quick");
        Set<String> only = Set.of();
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--only")) {
                only = Set.of(args[i + 1].split(","));
            }
        }
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
        System.out.println(BenchJson.write(new Bench(quick, only).run()));
    }

    private Map<String, Object> run() {
        result.put("engine", "catapult (ND4J nd4j-native)");
        result.put("dtype", "float32");
        result.put("engine_mode", catapult.engine.autodiff.EngineMode.describe());
        result.put("openblas_coretype", String.valueOf(System.getenv("OPENBLAS_CORETYPE")));
        result.put("threads", threads());
        result.put("quick", quick);
        result.put("timing", "median seconds of `repeats` runs after `warmup` runs (peer_torch.py rule)");
        result.put("fcn2_weights", fcn2.source());
        result.put("loadavg_start", loadavg());
        double sgemm = SgemmProbe.gflops();
        result.put("sgemm_gflops", sgemm);
        if (want("gd_step_fcn2")) gd();
        if (want("sgd_step_fcn2_b5")) sgd();
        if (want("ntk_fcn5")) ntk(sgemm);
        if (want("nqm_step_fcn2")) nqm();
        if (want("hess_top_eig_fcn2")) hessian();
        if (want("agop_fcn2")) agop();
        if (want("e2e_table41")) e2e();
        result.put("loadavg_end", loadavg());
        return result;
    }

    private void gd() {
        Network net = fcn2.network();
        Timing t = time(Figures.gdSteps(net, fcn2.x(), fcn2.y(), 0.1), 5, 50);
        Map<String, Object> fig = figure("gd_step_fcn2", t);
        fig.put("loss_at_init", Figures.FCN2_LOSS.value(fcn2.network().predict(fcn2.x()), fcn2.y()));
    }

    private void sgd() {
        Network net = fcn2.network();
        time("sgd_step_fcn2_b5", Figures.sgdSteps(net, fcn2.x(), fcn2.y(), fcn2.batches(), 0.1), 20, 200);
    }

    private void ntk(double sgemmGflops) {
        Network net = BenchNets.fcn5(5);
        INDArray x = SeededDraws.normal(5, DataType.FLOAT, 128, BenchNets.FCN5_D);
        INDArray k = Figures.ntk(net, x);
        Map<String, Object> fig = time("ntk_fcn5", () -> Figures.ntk(net, x).close(), 2, 10);
        double seconds = (double) fig.get("median_s");
        double flops = BenchNets.fcn5NtkFlops(128);
        fig.put("flops", flops);
        fig.put("gflops", flops / seconds / 1e9);
        fig.put("fraction_of_sgemm", flops / seconds / 1e9 / sgemmGflops);
        fig.put("K_trace_over_n", trace(k) / 128);
        fig.put("K_mean_offdiag", (k.sumNumber().doubleValue() - trace(k)) / (128 * 127));
        fig.put("K_lambda_max", Spectra.topEigenvalues(k, 1)[0]);
        fig.put("peer_values_note", "own seeded weights: statistics comparable to the peer's, not equal");
    }

    private void nqm() {
        QuadraticModel quad = new QuadraticModel(fcn2.network());
        quad.params().addi(fcn2.nqmStartDelta());
        Model first = quad.copy();
        Figures.gdSteps(first, fcn2.x(), fcn2.y(), 0.1).run();
        Map<String, Object> fig = time("nqm_step_fcn2", Figures.gdSteps(quad, fcn2.x(), fcn2.y(), 0.1), 5, 30);
        fcn2.nqmAfterOneStep().ifPresent(want -> fig.put("check_step_maxabs_vs_peer",
                first.params().sub(first.initialParams()).sub(want).amaxNumber().doubleValue()));
    }

    private void hessian() {
        Network net = fcn2.network();
        double[] lambda = {0};
        INDArray q0 = fcn2.powerStart();
        Map<String, Object> fig = time("hess_top_eig_fcn2",
                () -> lambda[0] = Figures.hessianTopEigenvalue(net, fcn2.x(), fcn2.y(), q0, 20), 2, 10);
        fig.put("iters", 20);
        fig.put("lambda_top", lambda[0]);
        fig.put("peer_lambda_top_float64", PeerReference.HESS_LAMBDA_TOP_FLOAT64);
    }

    private void agop() {
        Network net = fcn2.network();
        INDArray x = fcn2.agopInputs();
        INDArray g = Agop.agop(net, x);
        Map<String, Object> fig = time("agop_fcn2", () -> Agop.agop(net, x).close(), 3, 30);
        fig.put("n", x.size(0));
        fig.put("G_trace", trace(g));
        fig.put("G_top_eig", Spectra.topEigenvalues(g, 1)[0]);
    }

    /**
     * The whole peer_e2e.py workload, once at a tenth of its steps for the JIT (like the other
     * figures' warm-up), then timed at full size (a fifth with --quick).
     */
    private void e2e() {
        E2eTable41.run(0.1);
        CpuMonitor.Snapshot before = CpuMonitor.snap();
        Map<String, Object> fig = E2eTable41.run(quick ? 0.2 : 1.0);
        fig.put("others_cpu_frac", CpuMonitor.othersFraction(before, CpuMonitor.snap()));
        if (!quick) {
            fig.put("peer_total_s", PeerFigures.E2E_TOTAL_S);
            fig.put("ratio_vs_peer_total", (double) fig.get("total_s") / PeerFigures.E2E_TOTAL_S);
        }
        result.put("e2e_table41", fig);
    }

    private Map<String, Object> time(String key, Runnable call, int warmup, int repeats) {
        return figure(key, time(call, warmup, repeats));
    }

    private Timing time(Runnable call, int warmup, int repeats) {
        return quick ? Timing.measure(call, 1, 2) : Timing.measure(call, warmup, repeats, JIT_WARMUP_S);
    }

    /** Records one figure with the peer's figures at the same thread count and the ratios. */
    private Map<String, Object> figure(String key, Timing t) {
        Map<String, Object> fig = t.toJson();
        PeerFigures.Pair p = peer.get(key);
        fig.put("peer_fastest_s", p.fastest());
        fig.put("peer_autodiff_s", p.autodiff());
        fig.put("ratio_vs_peer_fastest", t.medianS() / p.fastest());
        fig.put("ratio_vs_peer_autodiff", t.medianS() / p.autodiff());
        result.put(key, fig);
        return fig;
    }

    private boolean want(String key) {
        return only.isEmpty() || only.contains(key);
    }

    /** OpenMP threads ND4J runs with (the launcher defaults OMP_NUM_THREADS to 1). */
    static int threads() {
        String env = System.getenv("OMP_NUM_THREADS");
        try {
            return env == null ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(env.trim());
        } catch (NumberFormatException e) {
            return Runtime.getRuntime().availableProcessors();
        }
    }

    private static double trace(INDArray a) {
        return Nd4j.diag(a).sumNumber().doubleValue();
    }

    private static List<Double> loadavg() {
        try {
            String[] f = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split("\\s+");
            return List.of(Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]));
        } catch (java.io.IOException | RuntimeException e) {
            return List.of();
        }
    }
}
