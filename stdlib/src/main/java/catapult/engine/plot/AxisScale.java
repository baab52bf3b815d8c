package catapult.engine.plot;

import java.util.ArrayList;
import java.util.List;

/**
 * One axis of a figure: its data range, linear or log10, mapped onto a pixel interval, with the
 * major ticks (and their labels) and, on log axes, minor ticks at 2..9 times each power of ten.
 * Log axes spanning at least two decades label powers of ten as 10^k; narrower ones get plain
 * 1-2-5 ticks so they still carry several labels.
 */
final class AxisScale {
    private final double lo;
    private final double hi;
    private final boolean log;
    private double p0;
    private double p1;
    private final List<Double> major;
    private final List<TickLabel> labels;
    private final List<Double> minor;

    private AxisScale(double lo, double hi, boolean log, List<Double> major, List<TickLabel> labels, List<Double> minor) {
        this.lo = lo;
        this.hi = hi;
        this.log = log;
        this.major = major;
        this.labels = labels;
        this.minor = minor;
    }

    /**
     * An axis over [min, max] widened by {@code pad} (a fraction of the range, in log space on a
     * log axis), with at most about {@code maxTicks} labelled ticks.
     */
    static AxisScale fit(double min, double max, boolean log, double pad, int maxTicks) {
        double[] r = widen(min, max, log, pad);
        if (log && Math.log10(r[1] / r[0]) >= 1.999) {
            AxisScale d = decades(r[0], r[1], maxTicks);
            if (d.major.size() >= 3 || maxTicks < 3) {
                return d;
            }
        }
        if (log) {
            return narrowLog(r[0], r[1], maxTicks);
        }
        return plain(r[0], r[1], false, linearTicks(r[0], r[1], maxTicks), List.of());
    }

    /** Steps of 1, 2 or 5 times a power of ten: the widest with at least min(4, maxTicks) ticks, at most maxTicks + 1. */
    private static List<Double> linearTicks(double lo, double hi, int maxTicks) {
        double step = Ticks.niceStep((hi - lo) / Math.max(1, maxTicks - 1));
        List<Double> ticks = Ticks.stepValues(lo, hi, step);
        while (ticks.size() < Math.min(4, maxTicks)) {
            double smaller = Ticks.smallerNiceStep(step);
            List<Double> more = Ticks.stepValues(lo, hi, smaller);
            if (more.size() > maxTicks + 1) {
                break;
            }
            step = smaller;
            ticks = more;
        }
        return ticks;
    }

    private static AxisScale plain(double lo, double hi, boolean log, List<Double> ticks, List<Double> minor) {
        List<TickLabel> labels = new ArrayList<>();
        for (double t : ticks) {
            labels.add(TickLabel.plain(Ticks.format(t)));
        }
        return new AxisScale(lo, hi, log, ticks, labels, minor);
    }

    /**
     * A log axis spanning few decades: ticks at 1, 2 and 5 times powers of ten, or 1 and 5 times
     * when those crowd, or every multiple 1..9 when there are too few; labelled plainly, with the
     * remaining multiples as minor ticks.
     */
    private static AxisScale narrowLog(double lo, double hi, int maxTicks) {
        List<Double> all = multiples(lo, hi, new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
        List<Double> major = multiples(lo, hi, new int[] {1, 2, 5});
        if (major.size() > maxTicks) {
            major = multiples(lo, hi, new int[] {1, 5});
        }
        if (major.size() < 3) {
            major = all;
        }
        if (major.size() < 3) {
            return plain(lo, hi, true, linearTicks(lo, hi, maxTicks).stream().filter(t -> t > 0).toList(), List.of());
        }
        int every = (int) Math.ceil(major.size() / (double) Math.max(2, maxTicks));
        List<Double> kept = new ArrayList<>();
        for (int i = 0; i < major.size(); i += every) {
            kept.add(major.get(i));
        }
        List<Double> minor = new ArrayList<>(all);
        minor.removeAll(kept);
        return plain(lo, hi, true, kept, minor);
    }

    private static List<Double> multiples(double lo, double hi, int[] factors) {
        List<Double> out = new ArrayList<>();
        for (int e = (int) Math.floor(Math.log10(lo)) - 1; e <= (int) Math.ceil(Math.log10(hi)); e++) {
            for (int m : factors) {
                double v = Double.parseDouble(m + "e" + e);
                if (v >= lo && v <= hi) {
                    out.add(v);
                }
            }
        }
        return out;
    }

    private static double[] widen(double min, double max, boolean log, double pad) {
        if (log) {
            double a = Math.log10(min);
            double b = Math.log10(max);
            if (a == b) {
                return new double[] {min / 2, max * 2};
            }
            double d = (b - a) * pad;
            return new double[] {Math.pow(10, a - d), Math.pow(10, b + d)};
        }
        if (min == max) {
            double d = min == 0 ? 1 : Math.abs(min) * 0.1;
            return new double[] {min - d, max + d};
        }
        double d = (max - min) * pad;
        return new double[] {min - d, max + d};
    }

    private static AxisScale decades(double lo, double hi, int maxTicks) {
        int a = (int) Math.ceil(Math.log10(lo) - 1e-9);
        int b = (int) Math.floor(Math.log10(hi) + 1e-9);
        int every = Math.max(1, (int) Math.ceil((b - a + 1) / (double) Math.max(2, maxTicks)));
        List<Double> major = new ArrayList<>();
        List<TickLabel> labels = new ArrayList<>();
        for (int e = a; e <= b; e++) {
            if (Math.floorMod(e, every) == 0) {
                major.add(Math.pow(10, e));
                labels.add(TickLabel.power(e));
            }
        }
        List<Double> minor = new ArrayList<>();
        if (every == 1) {
            for (int e = a - 1; e <= b; e++) {
                for (int m = 2; m <= 9; m++) {
                    double v = m * Math.pow(10, e);
                    if (v >= lo && v <= hi) {
                        minor.add(v);
                    }
                }
            }
        }
        return new AxisScale(lo, hi, true, major, labels, minor);
    }

    /** Places the axis on pixels: lo at {@code from}, hi at {@code to} (to < from for a y axis). */
    AxisScale place(double from, double to) {
        this.p0 = from;
        this.p1 = to;
        return this;
    }

    double pixel(double v) {
        double f = log ? (Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo)) : (v - lo) / (hi - lo);
        return p0 + f * (p1 - p0);
    }

    boolean contains(double v) {
        return v >= Math.min(lo, hi) - 1e-12 * Math.abs(hi - lo) && v <= Math.max(lo, hi) + 1e-12 * Math.abs(hi - lo);
    }

    boolean log() {
        return log;
    }

    List<Double> major() {
        return major;
    }

    List<TickLabel> labels() {
        return labels;
    }

    List<Double> minor() {
        return minor;
    }

    double widestLabel(int size) {
        return labels.stream().mapToDouble(l -> l.width(size)).max().orElse(0);
    }
}
