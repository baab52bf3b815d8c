package catapult.engine.bench;

import java.util.Map;

/**
 * The PyTorch peer's medians on the team's benchmark machine (seconds), from its result files
 * {@code peer_torch.result.json} (2 threads) and {@code peer_torch.result.t1.json} (1 thread): fastest method and fastest generic
 * autodiff method per figure. Kept as constants so every Catapult run reports its ratios even
 * where the peer cannot be run; a side-by-side run (bench README) is the authoritative comparison.
 */
final class PeerFigures {

    /** {fastest, fastest autodiff} for one figure. */
    record Pair(double fastest, double autodiff) {
    }

    static final Map<String, Pair> TWO_THREADS = Map.of(
            "gd_step_fcn2", new Pair(0.0007778565004628035, 0.001023701000121946),
            "sgd_step_fcn2_b5", new Pair(0.00012048699954902986, 0.0003406005002943857),
            "ntk_fcn5", new Pair(0.012127939499805507, 2.2849491790002503),
            "nqm_step_fcn2", new Pair(0.0005170095000721631, 0.003560462500445283),
            "hess_top_eig_fcn2", new Pair(0.018707337500018184, 0.018707337500018184),
            "agop_fcn2", new Pair(0.005664796499786462, 0.006853879000118468));

    static final Map<String, Pair> ONE_THREAD = Map.of(
            "gd_step_fcn2", new Pair(0.0007028050001736119, 0.0007035915000415116),
            "sgd_step_fcn2_b5", new Pair(0.0001200460001200554, 0.0001833384999372356),
            "ntk_fcn5", new Pair(0.026227463499935766, 3.480121985999631),
            "nqm_step_fcn2", new Pair(0.0007031925001683703, 0.004442360499979259),
            "hess_top_eig_fcn2", new Pair(0.02532493099988642, 0.02532493099988642),
            "agop_fcn2", new Pair(0.00974677749991315, 0.013761817999920822));

    /**
     * peer_e2e.py --threads 1 on this machine (quiet box, 2026-12-05): total_s of the whole
     * workload; the side-by-side run in docs/performance.md is the authoritative comparison.
     */
    static final double E2E_TOTAL_S = 6.4;

    private PeerFigures() {
    }

    /** The peer's figures measured with the same thread count (1 or 2; more threads use the 2-thread run). */
    static Map<String, Pair> forThreads(int threads) {
        return threads <= 1 ? ONE_THREAD : TWO_THREADS;
    }
}
