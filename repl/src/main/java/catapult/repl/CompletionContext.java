package catapult.repl;

import catapult.repl.SourceTokens.Token;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * What kind of word the cursor is on, decided from the text before it: a REPL command, a
 * {@code :help} topic, a file name, a field after a dot, or a name in code (with the builtin
 * whose call the cursor is inside, for its named arguments). Kept free of JLine so it is
 * testable as a pure function.
 */
record CompletionContext(Kind kind, int wordStart, String prefix, String target) {

    enum Kind { NONE, COMMAND, HELP_TOPIC, FILE, FIELD, CODE }

    static CompletionContext at(String line, int cursor) {
        String before = line.substring(0, cursor);
        if (before.stripLeading().startsWith(":")) {
            return command(before);
        }
        List<Token> tokens = SourceTokens.scan(before);
        Token last = tokens.isEmpty() ? null : tokens.get(tokens.size() - 1);
        if (last != null && (last.kind() == SourceTokens.Kind.STRING || last.kind() == SourceTokens.Kind.COMMENT
                || last.kind() == SourceTokens.Kind.NUMBER)) {
            return new CompletionContext(Kind.NONE, cursor, "", null);
        }
        boolean onWord = last != null && last.kind() == SourceTokens.Kind.IDENT;
        int wordStart = onWord ? last.start() : cursor;
        int beforeWord = onWord ? tokens.size() - 2 : tokens.size() - 1;
        String prefix = before.substring(wordStart);
        if (beforeWord >= 0 && tokens.get(beforeWord).is(".")) {
            String target = dottedNameEndingAt(tokens, beforeWord - 1);
            return new CompletionContext(target == null ? Kind.NONE : Kind.FIELD, wordStart, prefix, target);
        }
        return new CompletionContext(Kind.CODE, wordStart, prefix, enclosingCallee(tokens.subList(0, beforeWord + 1)));
    }

    private static CompletionContext command(String before) {
        int colon = before.indexOf(':');
        int space = before.indexOf(' ', colon);
        if (space < 0) {
            return new CompletionContext(Kind.COMMAND, colon, before.substring(colon), null);
        }
        String name = before.substring(colon, space);
        int argStart = space;
        while (argStart < before.length() && before.charAt(argStart) == ' ') {
            argStart++;
        }
        Kind kind = switch (name) {
            case ":help" -> Kind.HELP_TOPIC;
            case ":load", ":save" -> Kind.FILE;
            default -> Kind.NONE;
        };
        return new CompletionContext(kind, argStart, before.substring(argStart), name);
    }

    /** "a.b.c" when tokens end (at index i) with that chain of names and dots; null otherwise. */
    private static String dottedNameEndingAt(List<Token> tokens, int i) {
        StringBuilder sb = new StringBuilder();
        while (i >= 0 && tokens.get(i).kind() == SourceTokens.Kind.IDENT) {
            sb.insert(0, tokens.get(i).text());
            if (i >= 1 && tokens.get(i - 1).is(".")) {
                sb.insert(0, '.');
                i -= 2;
            } else {
                return sb.toString();
            }
        }
        return null;
    }

    /** The name called by the innermost parenthesis still open, or null when not inside a call. */
    private static String enclosingCallee(List<Token> tokens) {
        Deque<String> open = new ArrayDeque<>();
        Token previous = null;
        for (Token t : tokens) {
            if (t.kind() == SourceTokens.Kind.SPACE || t.kind() == SourceTokens.Kind.COMMENT) {
                continue;
            }
            if (t.is("(") || t.is("[") || t.is("{")) {
                boolean call = t.is("(") && previous != null && previous.kind() == SourceTokens.Kind.IDENT;
                open.push(call ? previous.text() : "");
            } else if ((t.is(")") || t.is("]") || t.is("}")) && !open.isEmpty()) {
                open.pop();
            }
            previous = t;
        }
        return open.isEmpty() || open.peek().isEmpty() ? null : open.peek();
    }
}
