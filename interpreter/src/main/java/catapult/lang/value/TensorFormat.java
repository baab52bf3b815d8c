package catapult.lang.value;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Prints tensors the way NumPy's print does: one common width, integral floats as "1.",
 * up to 8 fractional digits, scientific notation for wide ranges, nested brackets with
 * aligned rows, and "..." summaries beyond 1000 elements.
 */
final class TensorFormat {
    private static final int THRESHOLD = 1000;
    private static final int EDGE = 3;
    private static final int LINE_WIDTH = 75;

    private TensorFormat() {}

    static String format(INDArray a) {
        if (a.rank() == 0) return Printer.number(a.getDouble(0));
        boolean summarize = a.length() > THRESHOLD;
        INDArray shown = summarize ? corners(a) : a;
        double[] values = shown.dup().data().asDouble();
        Formatter f = new Formatter(values, a.dataType() == DataType.FLOAT || a.dataType() == DataType.HALF);
        StringBuilder out = new StringBuilder();
        long[] shape = shown.shape();
        long[] strides = new long[shape.length];
        long s = 1;
        for (int i = shape.length - 1; i >= 0; i--) { strides[i] = s; s *= shape[i]; }
        render(out, values, shape, strides, 0, 0, f, summarize, 1);
        return out.toString();
    }

    /**
     * The elements a summary shows: along each long axis the first and last EDGE entries, with
     * one stand-in (a copy of entry 0) where "..." goes. Copying and measuring the whole tensor
     * would take minutes for a large one; NumPy also measures only what it prints.
     */
    private static INDArray corners(INDArray a) {
        INDArrayIndex[] idx = new INDArrayIndex[a.rank()];
        for (int d = 0; d < a.rank(); d++) {
            long n = a.size(d);
            if (n <= 2 * EDGE) {
                idx[d] = NDArrayIndex.all();
                continue;
            }
            long[] keep = new long[2 * EDGE + 1];
            for (int i = 0; i < EDGE; i++) {
                keep[i] = i;
                keep[EDGE + 1 + i] = n - EDGE + i;
            }
            idx[d] = NDArrayIndex.indices(keep);
        }
        return a.get(idx);
    }

    private static void render(StringBuilder out, double[] v, long[] shape, long[] strides, int dim,
                               long offset, Formatter f, boolean summarize, int indent) {
        long n = shape[dim];
        out.append('[');
        if (dim == shape.length - 1) {
            int lineStart = out.lastIndexOf("\n") + 1;
            for (long i = 0; i < n; i++) {
                if (summarize && n > 2 * EDGE && i == EDGE) {
                    out.append(" ...");
                    i = n - EDGE - 1;
                    continue;
                }
                String item = f.format(v[(int) (offset + i * strides[dim])]);
                if (i > 0) {
                    if (out.length() - lineStart + item.length() + 2 > LINE_WIDTH) {
                        out.append('\n').append(" ".repeat(indent));
                        lineStart = out.length() - indent;
                    } else {
                        out.append(' ');
                    }
                }
                out.append(item);
            }
        } else {
            for (long i = 0; i < n; i++) {
                if (summarize && n > 2 * EDGE && i == EDGE) {
                    out.append("\n").append(" ".repeat(indent)).append("...");
                    out.append("\n".repeat(Math.max(1, shape.length - dim - 1))).append(" ".repeat(indent));
                    i = n - EDGE - 1;
                    continue;
                }
                if (i > 0 && !(summarize && n > 2 * EDGE && i == n - EDGE)) {
                    out.append("\n".repeat(shape.length - dim - 1)).append(" ".repeat(indent));
                }
                render(out, v, shape, strides, dim + 1, offset + i * strides[dim], f, summarize, indent + 1);
            }
        }
        out.append(']');
    }

    /** Formats every element to one common layout, as NumPy's FloatingFormat does. */
    private static final class Formatter {
        private final boolean scientific;
        private final boolean single;
        private int intWidth;
        private int fracWidth;
        private int expWidth;

        Formatter(double[] values, boolean single) {
            this.single = single;
            double maxAbs = 0, minAbs = Double.POSITIVE_INFINITY;
            for (double x : values) {
                if (!Double.isFinite(x)) continue;
                double ax = Math.abs(x);
                maxAbs = Math.max(maxAbs, ax);
                if (ax > 0) minAbs = Math.min(minAbs, ax);
            }
            boolean anyNonzero = minAbs != Double.POSITIVE_INFINITY;
            scientific = maxAbs >= 1e8 || (anyNonzero && (minAbs < 1e-4 || maxAbs / minAbs > 1e3));
            for (double x : values) measure(x);
        }

        private void measure(double x) {
            String[] parts = split(x);
            intWidth = Math.max(intWidth, parts[0].length());
            fracWidth = Math.max(fracWidth, parts[1].length());
            expWidth = Math.max(expWidth, parts[2].length());
        }

        /** [integer part with sign, fractional digits, exponent digits] of the shortest repr. */
        private String[] split(double x) {
            if (!Double.isFinite(x)) return new String[] {Double.isNaN(x) ? "nan" : (x > 0 ? "inf" : "-inf"), "", ""};
            BigDecimal d = new BigDecimal(single ? Float.toString((float) x) : Double.toString(x));
            String exp = "";
            if (scientific) {
                int e = d.signum() == 0 ? 0 : d.precision() - d.scale() - 1;
                d = d.movePointLeft(e);
                exp = (e < 0 ? "-" : "+") + String.format("%02d", Math.abs(e));
            }
            d = d.setScale(8, RoundingMode.HALF_EVEN).stripTrailingZeros();
            String plain = d.toPlainString();
            if (x < 0 && !plain.startsWith("-")) plain = "-" + plain;
            int dot = plain.indexOf('.');
            String intPart = dot < 0 ? plain : plain.substring(0, dot);
            String frac = dot < 0 ? "" : plain.substring(dot + 1);
            return new String[] {intPart, frac, exp};
        }

        String format(double x) {
            String[] p = split(x);
            if (!Double.isFinite(x)) return pad(p[0], intWidth + 1 + fracWidth + (scientific ? expWidth + 1 : 0));
            String s = " ".repeat(Math.max(0, intWidth - p[0].length())) + p[0] + "." + p[1];
            if (scientific) {
                s += "0".repeat(Math.max(0, fracWidth - p[1].length())) + "e" + p[2];
            } else {
                s += " ".repeat(Math.max(0, fracWidth - p[1].length()));
            }
            return s;
        }

        private static String pad(String s, int width) {
            return " ".repeat(Math.max(0, width - s.length())) + s;
        }
    }
}
