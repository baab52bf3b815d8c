package catapult.engine.plot;

import java.util.Locale;

/** Which axes of a plot use a base-10 logarithmic scale (the DSL's {@code log:} argument). */
public enum LogScale {
    NONE(false, false), X(true, false), Y(false, true), XY(true, true);

    private final boolean logX;
    private final boolean logY;

    LogScale(boolean logX, boolean logY) {
        this.logX = logX;
        this.logY = logY;
    }

    public boolean logX() {
        return logX;
    }

    public boolean logY() {
        return logY;
    }

    /** Parses "", "none", "x", "y", "xy" or "yx" (case-insensitive). */
    public static LogScale parse(String spec) {
        String s = spec == null ? "" : spec.trim().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "", "none" -> NONE;
            case "x" -> X;
            case "y" -> Y;
            case "xy", "yx" -> XY;
            default -> throw new IllegalArgumentException(
                    "unknown log scale \"" + spec + "\" (\"x\", \"y\" or \"xy\")");
        };
    }
}
