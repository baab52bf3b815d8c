package catapult.engine.plot;

import java.util.Arrays;

/**
 * One named line of a plot: points (x[i], y[i]) drawn in order. Kept as plain arrays so the
 * engine can hand over a run's metric history or a tensor column without conversions.
 */
public record PlotLine(String name, double[] x, double[] y) {

    public PlotLine {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a series needs a non-empty name");
        }
        if (x == null || y == null) {
            throw new IllegalArgumentException("series '" + name + "' has no points");
        }
        if (x.length != y.length) {
            throw new IllegalArgumentException("series '" + name + "' has " + x.length
                    + " x values but " + y.length + " y values");
        }
        x = x.clone();
        y = y.clone();
    }

    /** A series whose x values are the indices 0, 1, ..., n-1 (a metric against step). */
    public static PlotLine indexed(String name, double[] y) {
        double[] x = new double[y.length];
        Arrays.setAll(x, i -> i);
        return new PlotLine(name, x, y);
    }

    public int size() {
        return x.length;
    }

    @Override
    public double[] x() {
        return x.clone();
    }

    @Override
    public double[] y() {
        return y.clone();
    }

    /** Direct access for renderers in this package, which never modify the arrays. */
    double xAt(int i) {
        return x[i];
    }

    double yAt(int i) {
        return y[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PlotLine s && s.name.equals(name)
                && Arrays.equals(s.x, x) && Arrays.equals(s.y, y);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(x) * 17 + Arrays.hashCode(y);
    }

    @Override
    public String toString() {
        return "Series[" + name + ", " + x.length + " points]";
    }
}
