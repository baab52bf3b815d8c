package catapult.lang.syntax;

/** Where a piece of syntax sits: file, 1-based line and column, and its length on that line. */
public record Span(SourceFile file, int line, int column, int length) {

    /** A span for values created by the host rather than by source text. */
    public static final Span NONE = new Span(new SourceFile("<host>", ""), 0, 0, 0);

    /** "file:line:col" as error messages start. */
    public String location() {
        return file.name() + ":" + line + ":" + column;
    }

    /** The smallest span covering this and other, if both start on the same line. */
    public Span to(Span other) {
        if (other == null || other.line != line || other.file != file) return this;
        int end = Math.max(column + length, other.column + other.length);
        return new Span(file, line, column, end - column);
    }

    @Override public String toString() { return location(); }
}
