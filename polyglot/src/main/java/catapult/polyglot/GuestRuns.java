package catapult.polyglot;

import catapult.builtins.RunValue;
import catapult.engine.train.Run;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A training run as guest code sees it: an object of series mirroring the run's Catapult fields —
 * one entry per tracked series (`run.loss`, `run.ntk_eigs`: lists, rows x k as nested lists),
 * `steps`, `final`, `diverged`, `diverged_at`, `interrupted`, `stop`, `catapults`, `seconds`,
 * `series` (the names), `when` (series name to the steps it was recorded at) and `model` (a handle
 * to the trained model).
 */
final class GuestRuns {
    private GuestRuns() {}

    static Map<String, Object> fields(RunValue value) {
        Run run = value.run();
        Map<String, Object> out = new LinkedHashMap<>();
        for (String name : run.seriesNames()) out.put(name, value.field(name));
        for (String name : List.of("steps", "final", "diverged", "diverged_at", "interrupted", "stop", "catapults", "seconds", "series")) {
            out.put(name, value.field(name));
        }
        Map<String, Object> when = new LinkedHashMap<>();
        for (String name : run.seriesNames()) when.put(name, steps(run.when(name)));
        out.put("when", when);
        out.put("model", value.field("model"));
        return out;
    }

    private static List<Object> steps(int[] when) {
        List<Object> out = new ArrayList<>(when.length);
        for (int t : when) out.add((double) t);
        return out;
    }
}
