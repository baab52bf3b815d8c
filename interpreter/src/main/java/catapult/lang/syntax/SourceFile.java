package catapult.lang.syntax;

import java.util.List;

/** The text of one script (or REPL entry) with its display name; spans point into it. */
public final class SourceFile {
    private final String name;
    private final String text;
    private final List<String> lines;

    public SourceFile(String name, String text) {
        this.name = name;
        this.text = text;
        this.lines = text.lines().toList();
    }

    public String name() { return name; }

    public String text() { return text; }

    /** The 1-based line, or "" when out of range. */
    public String line(int line) {
        return line >= 1 && line <= lines.size() ? lines.get(line - 1) : "";
    }

    @Override public String toString() { return name; }
}
