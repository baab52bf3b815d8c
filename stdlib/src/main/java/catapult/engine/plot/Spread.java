package catapult.engine.plot;

import java.util.Locale;

/**
 * How a band around a mean is drawn from repeated measurements (runs over seeds, sweep rows):
 * mean +- the sample standard deviation, mean +- the standard error of the mean, or the min-max
 * envelope. Measurements that are NaN are left out of their point.
 */
public enum Spread {
    STD, SEM, MINMAX;

    public static Spread parse(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "std" -> STD;
            case "sem" -> SEM;
            case "minmax" -> MINMAX;
            default -> throw new IllegalArgumentException("unknown spread \"" + s + "\" (\"std\", \"sem\" or \"minmax\")");
        };
    }

    /** {mean, lower edge, upper edge} of the finite values; NaNs when there are none. */
    public double[] of(double[] values) {
        int n = 0;
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v)) {
                n++;
                sum += v;
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (n == 0) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN};
        }
        double mean = sum / n;
        if (this == MINMAX) {
            return new double[] {mean, min, max};
        }
        double ss = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                ss += (v - mean) * (v - mean);
            }
        }
        double sd = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
        double half = this == STD ? sd : sd / Math.sqrt(n);
        return new double[] {mean, mean - half, mean + half};
    }
}
