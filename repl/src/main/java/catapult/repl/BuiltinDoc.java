package catapult.repl;

import java.util.List;

/**
 * A builtin's documentation as the REPL shows it in completion and {@code :help name}; the
 * adapter fills it from the interpreter's builtin registry, the single source of these texts.
 */
public record BuiltinDoc(String name, List<Param> params, String summary, String formula,
                         String returns, String example, String reference, String category) {

    /** A builtin in no particular category. */
    public BuiltinDoc(String name, List<Param> params, String summary, String formula, String returns, String example,
                      String reference) {
        this(name, params, summary, formula, returns, example, reference, "");
    }

    /**
     * A parameter; {@code defaultValue} is null when the argument is required; a variadic one
     * collects the remaining positional arguments and cannot be named.
     */
    public record Param(String name, String type, String defaultValue, boolean variadic, String doc) {
        public static Param required(String name, String type) {
            return new Param(name, type, null, false, "");
        }

        public static Param optional(String name, String type, String defaultValue) {
            return new Param(name, type, defaultValue, false, "");
        }
    }

    public BuiltinDoc {
        params = List.copyOf(params);
        summary = summary == null ? "" : summary;
        formula = formula == null ? "" : formula;
        returns = returns == null ? "" : returns;
        example = example == null ? "" : example;
        reference = reference == null ? "" : reference;
        category = category == null ? "" : category;
    }

    /** {@code dense(src, units, bias: false, drop: 0)}: required parameters first, then named ones with defaults. */
    public String signature() {
        StringBuilder sb = new StringBuilder(name).append('(');
        for (int i = 0; i < params.size(); i++) {
            Param p = params.get(i);
            sb.append(i == 0 ? "" : ", ").append(p.variadic() ? "..." : "").append(p.name());
            if (p.defaultValue() != null) {
                sb.append(": ").append(p.defaultValue());
            }
        }
        return sb.append(')').toString();
    }
}
