package catapult.repl;

import java.util.Set;
import java.util.regex.Pattern;
import org.jline.reader.Highlighter;
import org.jline.reader.LineReader;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/** Colours the input as it is typed: keywords, builtins, numbers, strings, comments, commands. */
final class SyntaxHighlighter implements Highlighter {
    static final AttributedStyle KEYWORD = AttributedStyle.BOLD.foreground(AttributedStyle.MAGENTA);
    static final AttributedStyle BUILTIN = AttributedStyle.DEFAULT.foreground(AttributedStyle.BLUE);
    static final AttributedStyle NUMBER = AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
    static final AttributedStyle STRING = AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
    static final AttributedStyle COMMENT = AttributedStyle.DEFAULT.foreground(AttributedStyle.BRIGHT | AttributedStyle.BLACK);
    static final AttributedStyle COMMAND = AttributedStyle.BOLD.foreground(AttributedStyle.YELLOW);

    private final Set<String> keywords;
    private final Set<String> builtins;

    SyntaxHighlighter(Set<String> keywords, Set<String> builtins) {
        this.keywords = keywords;
        this.builtins = builtins;
    }

    @Override
    public AttributedString highlight(LineReader reader, String buffer) {
        return highlight(buffer);
    }

    AttributedString highlight(String buffer) {
        AttributedStringBuilder sb = new AttributedStringBuilder();
        if (buffer.stripLeading().startsWith(":")) {
            int end = buffer.indexOf(' ', buffer.indexOf(':'));
            end = end < 0 ? buffer.length() : end;
            return sb.styled(COMMAND, buffer.substring(0, end)).append(buffer.substring(end)).toAttributedString();
        }
        for (SourceTokens.Token t : SourceTokens.scan(buffer)) {
            sb.styled(style(t), t.text());
        }
        return sb.toAttributedString();
    }

    private AttributedStyle style(SourceTokens.Token t) {
        return switch (t.kind()) {
            case COMMENT -> COMMENT;
            case STRING -> STRING;
            case NUMBER -> NUMBER;
            case IDENT -> keywords.contains(t.text()) ? KEYWORD : builtins.contains(t.text()) ? BUILTIN : AttributedStyle.DEFAULT;
            default -> AttributedStyle.DEFAULT;
        };
    }

    @Override
    public void setErrorPattern(Pattern errorPattern) {
        // Catapult reports errors after evaluation, not by pattern while typing.
    }

    @Override
    public void setErrorIndex(int errorIndex) {
        // As above: no error marking while typing.
    }
}
