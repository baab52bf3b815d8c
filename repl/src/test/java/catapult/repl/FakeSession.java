package catapult.repl;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in language for testing the REPL's terminal handling in isolation: "let x = 3" binds,
 * a name or number echoes, "print(x)" prints, "spin()" loops until interrupted, balanced
 * brackets decide completeness, anything else is an error in the real format.
 */
final class FakeSession implements ReplSession {
    private static final Pattern LET = Pattern.compile("let\\s+(\\w+)\\s*=\\s*(.+)", Pattern.DOTALL);
    private final Map<String, String> vars = new TreeMap<>();
    private PrintWriter out;
    volatile boolean spinning;
    private final java.util.concurrent.CountDownLatch held = new java.util.concurrent.CountDownLatch(1);
    private volatile boolean interruptRequested;

    @Override
    public Outcome evaluate(String source) {
        String s = source.strip();
        Matcher let = LET.matcher(s);
        if (let.matches()) {
            Outcome v = evaluate(let.group(2));
            if (v instanceof Outcome.Value value) {
                vars.put(let.group(1), value.display());
                return new Outcome.Value("");
            }
            return v;
        }
        if (s.equals("spin()")) {
            return spin();
        }
        if (s.equals("hold()")) {
            return hold();
        }
        if (s.startsWith("print(") && s.endsWith(")")) {
            out.println(vars.getOrDefault(s.substring(6, s.length() - 1), "?"));
            return new Outcome.Value("");
        }
        if (s.matches("-?\\d+(\\.\\d+)?")) {
            return new Outcome.Value(s);
        }
        if (s.startsWith("fn ")) {
            return new Outcome.Value("<fn " + s.substring(3, s.indexOf('(')) + ">");
        }
        if (vars.containsKey(s)) {
            return new Outcome.Value(vars.get(s));
        }
        return new Outcome.Failure("<repl>:1:1: unknown name '" + s + "'\n  " + s + "\n  ^");
    }

    /** A computation that runs until the test calls {@link #release()}. */
    private Outcome hold() {
        out.println("holding");
        out.flush();
        try {
            held.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new Outcome.Value("held");
    }

    void release() {
        held.countDown();
    }

    private Outcome spin() {
        out.println("spinning");
        out.flush();
        spinning = true;
        long n = 0;
        while (!interruptRequested) {
            n++;
        }
        interruptRequested = false;
        spinning = false;
        vars.put("partial", "spun");
        return new Outcome.Interrupted("partial result kept in 'partial'");
    }

    @Override
    public Outcome load(Path file) {
        try {
            Outcome last = new Outcome.Value("");
            for (String line : Files.readAllLines(file)) {
                last = line.isBlank() ? last : evaluate(line);
                if (!(last instanceof Outcome.Value)) {
                    return last;
                }
            }
            return last;
        } catch (java.io.IOException e) {
            return new Outcome.Failure(file + ": cannot read file");
        }
    }

    @Override
    public boolean isComplete(String source) {
        int depth = 0;
        boolean inString = false;
        for (char c : source.toCharArray()) {
            if (c == '"') {
                inString = !inString;
            } else if (!inString && "([{".indexOf(c) >= 0) {
                depth++;
            } else if (!inString && ")]}".indexOf(c) >= 0) {
                depth--;
            }
        }
        return depth <= 0 && !inString;
    }

    @Override
    public Set<String> keywords() {
        return Set.of("let", "fn", "for", "in", "if", "else", "while", "return");
    }

    @Override
    public List<BuiltinDoc> builtins() {
        return List.of(
                new BuiltinDoc("dense", List.of(BuiltinDoc.Param.required("src", "node"), BuiltinDoc.Param.required("units", "int"),
                        BuiltinDoc.Param.optional("bias", "bool", "false"), BuiltinDoc.Param.optional("drop", "number", "0")),
                        "A group of units neurons with edges from every neuron of src.",
                        "z_v = 1/sqrt(in(v)) * sum_u w_uv x_u", "a node", "let h = dense(input(10), 512, drop: 0.5)", "thesis Def. 2.2.2",
                        "architectures"),
                new BuiltinDoc("densenet_like", List.of(), "A made-up builtin sharing a prefix.", "", "", "", "", "architectures"),
                new BuiltinDoc("train", List.of(BuiltinDoc.Param.required("model", "model"), BuiltinDoc.Param.optional("steps", "int", "100"),
                        new BuiltinDoc.Param("more", "any", null, true, "extra")),
                        "Trains a model.", "", "", "", "", "training"));
    }

    @Override
    public Map<String, String> globals() {
        return Map.copyOf(vars);
    }

    @Override
    public List<String> fields(String dottedName) {
        return vars.containsKey(dottedName) ? List.of("loss", "lr", "steps", "final") : List.of();
    }

    @Override
    public void interrupt() {
        interruptRequested = true;
    }

    @Override
    public void reset() {
        vars.clear();
    }

    @Override
    public void setOutput(PrintWriter out) {
        this.out = out;
    }
}
