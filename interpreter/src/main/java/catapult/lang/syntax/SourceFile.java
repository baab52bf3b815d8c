package catapult.lang.syntax;

import java.util.List;

/**
 * The text of one script (or REPL entry) with its display name; spans point into it. Line
 * endings are normalized to '\n' (Windows CR LF and old Mac CR alike), so that the lexer, the
 * line numbers in spans and the source lines shown under errors all agree.
 */
public final class SourceFile {
    private final String name;
    private final String text;
    private final List<String> lines;
    private final java.nio.file.Path path;

    public SourceFile(String name, String text) {
        this(name, text, null);
    }

    /** A file-backed source: imports resolve against path's directory; name is what errors show. */
    public SourceFile(String name, String text, java.nio.file.Path path) {
        this.name = name;
        this.text = text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n").replace('\r', '\n');
        this.lines = this.text.lines().toList();
        this.path = path;
    }

    /** The file this text came from, or null (REPL entries, -e code). */
    public java.nio.file.Path path() { return path; }

    public String name() { return name; }

    public String text() { return text; }

    /** The 1-based line, or "" when out of range. */
    public String line(int line) {
        return line >= 1 && line <= lines.size() ? lines.get(line - 1) : "";
    }

    @Override public String toString() { return name; }
}
