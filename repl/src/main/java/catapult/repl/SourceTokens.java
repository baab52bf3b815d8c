package catapult.repl;

import java.util.ArrayList;
import java.util.List;

/**
 * A forgiving tokenizer for what is being typed at the prompt: it never fails, so half-written
 * input (an unterminated string, a lone operator) can still be highlighted and completed. The
 * real parser decides validity; this only needs to know where words, strings and comments are.
 */
final class SourceTokens {
    enum Kind { IDENT, NUMBER, STRING, COMMENT, PUNCT, SPACE }

    record Token(Kind kind, int start, int end, String text) {
        boolean is(String s) {
            return kind == Kind.PUNCT && text.equals(s);
        }
    }

    private SourceTokens() {
    }

    static List<Token> scan(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            int start = i;
            char c = s.charAt(i);
            Kind kind;
            if (c == '#') {
                i = endOfLine(s, i);
                kind = Kind.COMMENT;
            } else if (c == '"') {
                i = endOfString(s, i);
                kind = Kind.STRING;
            } else if (Character.isWhitespace(c)) {
                while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                    i++;
                }
                kind = Kind.SPACE;
            } else if (isIdentStart(c)) {
                while (i < s.length() && isIdentPart(s.charAt(i))) {
                    i++;
                }
                kind = Kind.IDENT;
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1))
                    && (i == 0 || s.charAt(i - 1) != '.'))) {
                i = endOfNumber(s, i);
                kind = Kind.NUMBER;
            } else {
                i += s.startsWith("..", i) || s.startsWith("=>", i) ? 2 : 1;
                kind = Kind.PUNCT;
            }
            out.add(new Token(kind, start, i, s.substring(start, i)));
        }
        return out;
    }

    static boolean isIdentStart(char c) {
        return c == '_' || (c < 128 && Character.isLetter(c));
    }

    static boolean isIdentPart(char c) {
        return isIdentStart(c) || (c >= '0' && c <= '9');
    }

    private static int endOfLine(String s, int i) {
        int nl = s.indexOf('\n', i);
        return nl < 0 ? s.length() : nl;
    }

    /** Past the closing quote, or the end of input for a string still being typed. */
    private static int endOfString(String s, int i) {
        i++;
        while (i < s.length() && s.charAt(i) != '"') {
            i += s.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(i + 1, s.length());
    }

    private static int endOfNumber(String s, int i) {
        while (i < s.length()) {
            char c = s.charAt(i);
            boolean exponentSign = (c == '-' || c == '+') && (s.charAt(i - 1) == 'e' || s.charAt(i - 1) == 'E');
            boolean fraction = c == '.' && !s.startsWith("..", i);
            if (!(Character.isDigit(c) || c == '_' || c == 'e' || c == 'E' || fraction || exponentSign)) {
                break;
            }
            i++;
        }
        return i;
    }
}
