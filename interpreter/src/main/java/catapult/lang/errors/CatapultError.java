package catapult.lang.errors;

import catapult.lang.syntax.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * Base of every error a user can cause. It carries the span to point at and the spans of the
 * calls that led there, and formats itself as `file:line:col: message`, the source line and a
 * caret. Java stack traces are reserved for internal bugs, so this type fills none.
 */
public abstract class CatapultError extends RuntimeException {
    private final Span span;
    private final List<String> trace = new ArrayList<>();

    protected CatapultError(String message, Span span) {
        super(message, null, false, false);
        this.span = span;
    }

    public Span span() { return span; }

    /** The process exit code a launcher uses for this kind of error. */
    public abstract int exitCode();

    /** The bare message, without position. */
    public String message() { return getMessage(); }

    /** Records that the error passed through a call (innermost first). */
    public void addTrace(String frame) {
        if (trace.size() < 20) trace.add(frame);
    }

    public List<String> trace() { return List.copyOf(trace); }

    /** `file:line:col: message`, the source line and a caret under the span, then the call trace. */
    public String format() {
        StringBuilder out = new StringBuilder();
        if (span == null || span.line() <= 0) {
            out.append(getMessage());
        } else {
            out.append(span.location()).append(": ").append(getMessage());
            String line = span.file().line(span.line());
            if (!line.isEmpty()) {
                out.append('\n').append(line).append('\n');
                out.append(caretLine(line, span.column(), Math.max(1, span.length())));
            }
        }
        for (String frame : trace) out.append("\n  ").append(frame);
        return out.toString();
    }

    private static String caretLine(String line, int column, int length) {
        StringBuilder caret = new StringBuilder();
        for (int i = 0; i < column - 1 && i < line.length(); i++) {
            caret.append(line.charAt(i) == '\t' ? '\t' : ' ');
        }
        int width = Math.max(1, Math.min(length, Math.max(1, line.length() - (column - 1))));
        caret.append("^".repeat(width));
        return caret.toString();
    }
}
