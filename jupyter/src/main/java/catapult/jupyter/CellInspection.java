package catapult.jupyter;

import catapult.lang.builtins.DocsGenerator;
import catapult.lang.session.Session;
import catapult.lang.value.Printer;
import catapult.lang.value.Values;

/**
 * Shift-Tab help in a notebook: for the name under (or just before) the cursor, a builtin's
 * reference entry from the registry, or a variable's type and value.
 */
final class CellInspection {
    private static final int VALUE_CHARS = 2000;

    private CellInspection() {}

    /** The help text, or null when the cursor is not on a known name. */
    static String at(String code, int cursor, Session session) {
        String name = nameAt(code, cursor);
        if (name == null) return null;
        if (session.userGlobals().containsKey(name)) {
            Object v = session.getGlobal(name);
            String shown = Printer.repr(v);
            if (shown.length() > VALUE_CHARS) shown = shown.substring(0, VALUE_CHARS) + " ...";
            return name + ": " + Values.typeName(v) + "\n" + shown;
        }
        return session.registry().has(name) ? DocsGenerator.help(session.registry().get(name)) : null;
    }

    /** The identifier around the cursor, or the callee of the call the cursor is in. */
    static String nameAt(String code, int cursor) {
        int c = Math.min(Math.max(cursor, 0), code.length());
        int start = c;
        while (start > 0 && CellCompletion.isNameChar(code.charAt(start - 1))) start--;
        int end = c;
        while (end < code.length() && CellCompletion.isNameChar(code.charAt(end))) end++;
        if (end > start && !Character.isDigit(code.charAt(start))) return code.substring(start, end);
        return CellCompletion.enclosingCallee(code, c);
    }
}
