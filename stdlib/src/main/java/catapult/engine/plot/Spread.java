package catapult.engine.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

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

    /**
     * {x, mean, lower, upper} rows over the distinct x values (ascending) of the points (x[i], y[i])
     * of one or more series: the band a plot draws where repeated measurements share an x.
     */
    public double[][] atEachX(List<double[]> xs, List<double[]> ys) {
        Map<Double, List<Double>> atX = new TreeMap<>();
        for (int s = 0; s < xs.size(); s++) {
            double[] x = xs.get(s);
            double[] y = ys.get(s);
            for (int i = 0; i < x.length; i++) atX.computeIfAbsent(x[i], k -> new ArrayList<>()).add(y[i]);
        }
        double[][] out = new double[4][atX.size()];
        int i = 0;
        for (Map.Entry<Double, List<Double>> e : atX.entrySet()) {
            double[] m = of(e.getValue().stream().mapToDouble(Double::doubleValue).toArray());
            out[0][i] = e.getKey();
            out[1][i] = m[0];
            out[2][i] = m[1];
            out[3][i] = m[2];
            i++;
        }
        return out;
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
