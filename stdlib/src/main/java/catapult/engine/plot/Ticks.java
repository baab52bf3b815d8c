package catapult.engine.plot;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Axis ranges and tick values a reader can use: steps of 1, 2 or 5 times a power of ten on a
 * linear axis, powers of ten on a log axis; labels in the shortest exact form ("0.05", "1e-4").
 */
final class Ticks {
    private Ticks() {
    }

    /** [lo, hi] widened to whole ticks on a linear axis, the data's own extent on a log one; never empty. */
    static double[] range(double min, double max, boolean log, int maxTicks) {
        if (log) {
            return min == max ? new double[] {min / 2, max * 2} : new double[] {min, max};
        }
        if (min == max) {
            double pad = min == 0 ? 1 : Math.abs(min) * 0.1;
            min -= pad;
            max += pad;
        }
        double step = niceStep((max - min) / Math.max(1, maxTicks - 1));
        return new double[] {Math.floor(min / step + 1e-9) * step, Math.ceil(max / step - 1e-9) * step};
    }

    /** Tick values inside [lo, hi]; at most about maxTicks of them. */
    static List<Double> values(double lo, double hi, boolean log, int maxTicks) {
        if (log) {
            return logValues(lo, hi, maxTicks);
        }
        return stepValues(lo, hi, niceStep((hi - lo) / Math.max(1, maxTicks - 1)));
    }

    /** The multiples of step inside [lo, hi]. */
    static List<Double> stepValues(double lo, double hi, double step) {
        List<Double> out = new ArrayList<>();
        for (long k = (long) Math.ceil(lo / step - 1e-9); k * step <= hi + step * 1e-9; k++) {
            out.add(clean(k * step));
        }
        return out;
    }

    /** The next smaller step of the 1-2-5 ladder: 5 -> 2, 2 -> 1, 1 -> 0.5 (times a power of ten). */
    static double smallerNiceStep(double step) {
        double p = Math.pow(10, Math.floor(Math.log10(step) + 1e-9));
        double m = Math.round(step / p);
        return m >= 5 ? 2 * p : m >= 2 ? p : p / 2;
    }

    /** Powers of ten inside [lo, hi] (every k-th if there are many); 1-2-5 multiples if fewer than two fit. */
    private static List<Double> logValues(double lo, double hi, int maxTicks) {
        int a = (int) Math.ceil(Math.log10(lo) - 1e-9);
        int b = (int) Math.floor(Math.log10(hi) + 1e-9);
        List<Double> out = new ArrayList<>();
        if (b - a + 1 >= 2) {
            int every = Math.max(1, (int) Math.ceil((b - a + 1) / (double) Math.max(1, maxTicks)));
            for (int e = a; e <= b; e += every) {
                out.add(clean(Math.pow(10, e)));
            }
            return out;
        }
        for (int e = a - 1; e <= b; e++) {
            for (int m : new int[] {1, 2, 5}) {
                double v = clean(m * Math.pow(10, e));
                if (v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9)) {
                    out.add(v);
                }
            }
        }
        return out.isEmpty() ? List.of(clean(lo), clean(hi)) : out;
    }

    static double niceStep(double raw) {
        if (!(raw > 0) || !Double.isFinite(raw)) {
            return 1;
        }
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        double m = raw / p;
        double nice = m <= 1 + 1e-9 ? 1 : m <= 2 + 1e-9 ? 2 : m <= 5 + 1e-9 ? 5 : 10;
        return nice * p;
    }

    private static double clean(double v) {
        return Math.abs(v) < 1e-300 ? 0 : new BigDecimal(v).round(new MathContext(12)).doubleValue();
    }

    /** Shortest readable label: "0", "0.25", "1500", "1e-05" style for very small or large values. */
    static String format(double v) {
        return format(v, 6);
    }

    /** As {@link #format(double)} with at most {@code digits} significant digits. */
    static String format(double v, int digits) {
        if (v == 0) {
            return "0";
        }
        BigDecimal d = new BigDecimal(v).round(new MathContext(digits)).stripTrailingZeros();
        int exponent = d.precision() - d.scale() - 1;
        if (exponent >= -3 && exponent < 6) {
            return d.toPlainString();
        }
        BigDecimal mantissa = d.movePointLeft(exponent).stripTrailingZeros();
        return mantissa.toPlainString() + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
    }
}
