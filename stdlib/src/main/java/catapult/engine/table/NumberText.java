package catapult.engine.table;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Number formatting shared by tables, runs and their files: up to 6 significant digits, integral
 * values without a decimal point, scientific notation outside [1e-4, 1e6) as in C's {@code %g}
 * (the language's printing rule, docs/language.md section 3).
 */
public final class NumberText {

    private NumberText() {}

    /** 3 -> "3", 1/3 -> "0.333333", 1e-8 -> "1e-08", NaN -> "nan". */
    public static String number(double x) {
        if (Double.isNaN(x)) return "nan";
        if (Double.isInfinite(x)) return x > 0 ? "inf" : "-inf";
        if (x == Math.rint(x) && Math.abs(x) < 1e15) return Long.toString((long) x);
        BigDecimal rounded = new BigDecimal(x).round(new MathContext(6));
        int exponent = rounded.precision() - rounded.scale() - 1;
        if (exponent < -4 || exponent >= 6) return scientific(rounded, exponent);
        return rounded.stripTrailingZeros().toPlainString();
    }

    /**
     * The shortest text that reads back as exactly {@code x} (Python's {@code repr} rule): what
     * files get, so a saved table or run loads with the very numbers it held. 0.1 -> "0.1",
     * 1/3 -> "0.3333333333333333", 1e-8 -> "1e-08", integral values as integers.
     */
    public static String exact(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x)) return number(x);
        if (x == 0 && 1 / x < 0) return "-0";
        if (x == Math.rint(x) && Math.abs(x) < 1e16) return Long.toString((long) x);
        BigDecimal shortest = shortestRoundTrip(x);
        int exponent = shortest.precision() - shortest.scale() - 1;
        if (exponent < -4 || exponent >= 16) return scientific(shortest, exponent);
        return shortest.stripTrailingZeros().toPlainString();
    }

    /** Double.toString round-trips; drop digits while the value still reads back the same. */
    private static BigDecimal shortestRoundTrip(double x) {
        BigDecimal d = new BigDecimal(Double.toString(x)).stripTrailingZeros();
        while (d.precision() > 1) {
            BigDecimal shorter = d.round(new MathContext(d.precision() - 1)).stripTrailingZeros();
            if (shorter.doubleValue() != x) {
                break;
            }
            d = shorter;
        }
        return d;
    }

    private static String scientific(BigDecimal rounded, int exponent) {
        BigDecimal mantissa = rounded.movePointLeft(exponent).stripTrailingZeros();
        String sign = exponent < 0 ? "-" : "+";
        int e = Math.abs(exponent);
        return mantissa.toPlainString() + "e" + sign + (e < 10 ? "0" : "") + e;
    }
}
