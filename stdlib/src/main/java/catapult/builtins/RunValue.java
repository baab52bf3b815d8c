package catapult.builtins;

import catapult.engine.train.CatapultEpisode;
import catapult.engine.train.Run;
import catapult.lang.builtins.Type;
import catapult.lang.errors.RuntimeError;
import catapult.lang.eval.Interpreter;
import catapult.lang.syntax.Span;
import catapult.lang.value.CatFunction;
import catapult.lang.value.CatValue;
import catapult.lang.value.Record;
import catapult.lang.value.Tensor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A training run as a language value (LANGUAGE.md section 8): one field per tracked series
 * (`run.loss`, `run.ntk_eigs`, ...), `steps`, `final`, `diverged`, `diverged_at`, `catapults`,
 * `model`, and the methods `best(name)`, `when(name)`, `table()`, `save(path)`.
 */
public final class RunValue implements CatValue, catapult.engine.plot.Plottable {
    public static final Type TYPE = Type.of(RunValue.class, "run");

    private static final List<String> FIELDS = List.of("steps", "final", "diverged", "diverged_at", "interrupted", "stop",
            "catapults", "model", "seconds", "series", "best", "when", "table", "save");

    private final Run run;

    public RunValue(Run run) { this.run = run; }

    public Run run() { return run; }

    @Override public String typeName() { return "run"; }

    @Override public String show() { return run.toString(); }

    /** `plot(run)`: the loss and every other tracked series against step, one line per column. */
    @Override
    public List<catapult.engine.plot.PlotLine> plotSeries() {
        List<catapult.engine.plot.PlotLine> out = new ArrayList<>();
        for (String name : run.seriesNames()) {
            catapult.engine.train.Series s = run.series(name);
            double[] x = java.util.Arrays.stream(s.when()).asDoubleStream().toArray();
            for (int c = 0; c < s.width(); c++) {
                String label = s.width() == 1 ? name : name + "[" + c + "]";
                out.add(new catapult.engine.plot.PlotLine(label, x, s.column(c)));
            }
        }
        return out;
    }

    @Override
    public Object field(String name) {
        if (run.has(name)) return new Tensor(run.array(name));
        switch (name) {
            case "steps": return (double) run.steps();
            case "final": return record(run.finalValues());
            case "diverged": return run.diverged();
            case "diverged_at": return run.diverged() ? (double) run.divergedAt() : null;
            case "interrupted": return run.interrupted();
            case "stop": return run.stop().name().toLowerCase();
            case "catapults": return catapults(run.catapults());
            case "model": return new ModelValue(run.model());
            case "seconds": return run.seconds();
            case "series": return List.copyOf(run.seriesNames());
            case "table": return new BoundMethod("table", () -> new TableValue(run.table()));
            case "best": return method("best", (a, interp, site) -> run.best(a));
            case "when": return method("when", (a, interp, site) -> whenList(a));
            case "save": return method("save", (a, interp, site) -> {
                run.save(UserFiles.writable(interp, Path.of(a), site));
                return null;
            });
            default: return NO_FIELD;
        }
    }

    @Override
    public List<String> fieldNames() {
        List<String> names = new ArrayList<>(run.seriesNames());
        names.addAll(FIELDS);
        return names;
    }

    @Override public Object toHost() { return run.toMap(); }

    /** Catapult episodes as language records {start, peak, end, ratio, ...}. */
    static List<Object> catapults(List<CatapultEpisode> episodes) {
        List<Object> out = new ArrayList<>();
        for (CatapultEpisode c : episodes) out.add(record(c.toMap()));
        return out;
    }

    /** An engine record (numbers, booleans, strings, double rows) as a language record. */
    static Record record(Map<String, Object> values) {
        Map<String, Object> m = new LinkedHashMap<>();
        values.forEach((k, v) -> m.put(k, language(v)));
        return new Record(m);
    }

    static Object language(Object v) {
        if (v instanceof double[] row) return new Tensor(org.nd4j.linalg.factory.Nd4j.createFromArray(row));
        if (v instanceof Number n) return n.doubleValue();
        return v;
    }

    private List<Object> whenList(String name) {
        List<Object> out = new ArrayList<>();
        for (int t : run.when(name)) out.add((double) t);
        return out;
    }

    /** A run method taking one string: its body sees the calling session and the call site. */
    private interface StringMethod { Object apply(String arg, Interpreter interp, Span site); }

    private static CatFunction method(String name, StringMethod body) {
        return new CatFunction() {
            @Override public String name() { return name; }

            @Override
            public Object call(Interpreter interp, List<Object> args, Map<String, Object> named, Span site) {
                if (args.size() != 1 || !named.isEmpty() || !(args.get(0) instanceof String s)) {
                    throw new RuntimeError(name + ": expects one string argument, e.g. run." + name + "(\"loss\")", site);
                }
                try {
                    return catapult.lang.value.Values.wrap(body.apply(s, interp, site));
                } catch (IllegalArgumentException e) {
                    throw new RuntimeError(name + ": " + e.getMessage(), site);
                }
            }
        };
    }
}
