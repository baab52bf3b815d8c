package catapult.engine.plot;

import java.util.Arrays;

/**
 * A shaded region between two curves over the same x values, e.g. mean - std to mean + std of a
 * loss over seeds. Drawn under the lines in the colour of series {@code colour}, translucent.
 */
public record Band(String name, double[] x, double[] lo, double[] hi, int colour) {

    public Band {
        if (x.length != lo.length || x.length != hi.length) {
            throw new IllegalArgumentException("band '" + name + "' has " + x.length + " x values but "
                    + lo.length + " lower and " + hi.length + " upper values");
        }
        x = x.clone();
        lo = lo.clone();
        hi = hi.clone();
    }

    @Override
    public double[] x() {
        return x.clone();
    }

    @Override
    public double[] lo() {
        return lo.clone();
    }

    @Override
    public double[] hi() {
        return hi.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Band b && b.name.equals(name) && b.colour == colour && Arrays.equals(b.x, x)
                && Arrays.equals(b.lo, lo) && Arrays.equals(b.hi, hi);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(x) + colour;
    }

    @Override
    public String toString() {
        return "Band[" + name + ", " + x.length + " points]";
    }
}
