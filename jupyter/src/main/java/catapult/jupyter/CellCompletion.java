package catapult.jupyter;

import catapult.repl.BuiltinDoc;
import catapult.repl.InterpreterSession;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Tab completion in a notebook cell, from the same sources as the REPL's: after a dot the fields
 * of the value named before it, otherwise the named arguments of the builtin being called, then
 * variables, keywords and builtins starting with the typed prefix.
 */
final class CellCompletion {
    /** Candidates and the span of the cell text [start, end) they replace. */
    record Matches(List<String> items, int start, int end) {}

    private CellCompletion() {}

    static Matches at(String code, int cursor, InterpreterSession session) {
        int start = cursor;
        while (start > 0 && isNameChar(code.charAt(start - 1))) start--;
        String prefix = code.substring(start, cursor);
        List<String> items = new ArrayList<>();
        if (start > 0 && code.charAt(start - 1) == '.') {
            String target = dottedNameBefore(code, start - 1);
            if (target != null) session.fields(target).stream().filter(f -> f.startsWith(prefix)).sorted().forEach(items::add);
            return new Matches(items, start, cursor);
        }
        String callee = enclosingCallee(code, start);
        if (callee != null) {
            session.builtins().stream().filter(b -> b.name().equals(callee)).findFirst().ifPresent(b -> {
                for (BuiltinDoc.Param p : b.params()) {
                    if (!p.variadic() && p.name().startsWith(prefix)) items.add(p.name() + ": ");
                }
            });
        }
        TreeSet<String> names = new TreeSet<>(session.globals().keySet());
        names.addAll(session.keywords());
        session.builtins().forEach(b -> names.add(b.name()));
        names.stream().filter(n -> n.startsWith(prefix)).forEach(items::add);
        return new Matches(items, start, cursor);
    }

    /** The name (a.b.c) ending just before index {@code dot}, or null. */
    private static String dottedNameBefore(String code, int dot) {
        int i = dot;
        while (i > 0 && (isNameChar(code.charAt(i - 1)) || code.charAt(i - 1) == '.')) i--;
        String name = code.substring(i, dot);
        return name.isEmpty() || name.startsWith(".") || name.endsWith(".") || Character.isDigit(name.charAt(0)) ? null : name;
    }

    /** The identifier before the innermost '(' still open at {@code end}, or null. */
    static String enclosingCallee(String code, int end) {
        int depth = 0;
        for (int i = end - 1; i >= 0; i--) {
            char c = code.charAt(i);
            if (c == ')' || c == ']' || c == '}') depth++;
            else if (c == '[' || c == '{') depth = Math.max(0, depth - 1);
            else if (c == '(' && depth-- == 0) {
                int j = i;
                while (j > 0 && isNameChar(code.charAt(j - 1))) j--;
                return j < i ? code.substring(j, i) : null;
            }
        }
        return null;
    }

    static boolean isNameChar(char c) { return Character.isLetterOrDigit(c) || c == '_'; }
}
