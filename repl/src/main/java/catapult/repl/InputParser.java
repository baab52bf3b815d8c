package catapult.repl;

import java.util.List;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;

/**
 * JLine's hook for deciding when Enter submits: an input the language parser calls incomplete
 * (open brace, bracket or string) raises {@link EOFError}, which makes JLine ask for another
 * line, as JShell and IPython do. It also tells JLine which word the cursor is on, using
 * Catapult's identifier rules rather than JLine's shell-like whitespace splitting.
 */
final class InputParser implements Parser {
    private final ReplSession session;

    InputParser(ReplSession session) {
        this.session = session;
    }

    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
        if (context == ParseContext.ACCEPT_LINE && needsMore(line)) {
            throw new EOFError(-1, -1, "incomplete input", "");
        }
        CompletionContext at = CompletionContext.at(line, Math.min(cursor, line.length()));
        return new CodeLine(line, cursor, at.wordStart());
    }

    private boolean needsMore(String line) {
        String s = line.strip();
        return !s.isEmpty() && !s.startsWith(":") && !session.isComplete(line);
    }

    /** A line whose single word is the text from {@code wordStart} to the cursor. */
    record CodeLine(String line, int cursor, int wordStart) implements CompletingParsedLine {
        @Override
        public String word() {
            return line.substring(wordStart, cursor);
        }

        @Override
        public int wordCursor() {
            return cursor - wordStart;
        }

        @Override
        public int wordIndex() {
            return 0;
        }

        @Override
        public List<String> words() {
            return List.of(word());
        }

        @Override
        public CharSequence escape(CharSequence candidate, boolean complete) {
            return candidate;
        }

        @Override
        public int rawWordCursor() {
            return wordCursor();
        }

        @Override
        public int rawWordLength() {
            return cursor - wordStart;
        }
    }
}
