package catapult.lang.value;

/** `a..b`: the numbers a, a+1, ..., b (inclusive; empty when b < a). */
public record RangeValue(double from, double to) implements CatValue.Sequence {
    @Override public String typeName() { return "range"; }

    @Override public int length() { return to < from ? 0 : (int) Math.floor(to - from) + 1; }

    @Override public Object get(int i) { return from + i; }

    @Override public String show() { return Printer.number(from) + ".." + Printer.number(to); }

    @Override public Object field(String name) {
        return switch (name) {
            case "from" -> from;
            case "to" -> to;
            default -> NO_FIELD;
        };
    }
}
