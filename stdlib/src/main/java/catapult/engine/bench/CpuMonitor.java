package catapult.engine.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Paths;

/**
 * Measures how much CPU other processes used while a figure ran (the peer's
 * {@code others_cpu_frac}): busy time from /proc/stat minus this process's CPU time, over wall
 * time times the number of CPUs. Exists because the benchmark box is shared, and a figure measured
 * while a neighbour held a core is not comparable.
 */
final class CpuMonitor {

    private static final double CLOCK_TICKS = 100.0;   // USER_HZ on Linux

    /** One reading: machine busy seconds, own CPU seconds, wall seconds. */
    record Snapshot(double busy, double own, double wall) {
    }

    private CpuMonitor() {
    }

    static Snapshot snap() {
        return new Snapshot(machineBusySeconds(), ownCpuSeconds(), System.nanoTime() / 1e9);
    }

    /** Fraction of the machine's CPU time used by other processes between two snapshots (0..1). */
    static double othersFraction(Snapshot a, Snapshot b) {
        if (Double.isNaN(a.busy) || Double.isNaN(b.busy)) {
            return Double.NaN;
        }
        double wall = Math.max(b.wall - a.wall, 1e-9);
        double others = Math.max(0, (b.busy - a.busy) - (b.own - a.own));
        double frac = others / (wall * Runtime.getRuntime().availableProcessors());
        return Math.round(frac * 1000) / 1000.0;
    }

    private static double machineBusySeconds() {
        try {
            String[] f = Files.readAllLines(Paths.get("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i <= 8 && i < f.length; i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return (total - idle) / CLOCK_TICKS;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;   // not Linux: the fraction is reported as NaN (null in JSON)
        }
    }

    private static double ownCpuSeconds() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime() / 1e9;
        }
        return Double.NaN;
    }
}
