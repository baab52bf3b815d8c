package catapult.engine.plot;

/**
 * A grid of terminal cells that lines are drawn on in sub-cell "dots": 2 x 4 dots per cell
 * with braille characters, or 1 x 1 with one marker glyph per series (for terminals without
 * colour, where braille dots of different series could not be told apart). Each cell remembers
 * the last series that drew in it, which decides its colour or glyph.
 */
final class DotCanvas {
    /** Braille dot bits indexed [dy][dx] (Unicode 2800 block layout). */
    private static final int[][] BRAILLE_BITS = {{0x01, 0x08}, {0x02, 0x10}, {0x04, 0x20}, {0x40, 0x80}};
    static final String MARKERS = "•×+o*#@%~^";

    private final int cols;
    private final int rows;
    private final boolean braille;
    private final int[] bits;
    private final int[] owner;

    DotCanvas(int cols, int rows, boolean braille) {
        this.cols = cols;
        this.rows = rows;
        this.braille = braille;
        this.bits = new int[cols * rows];
        this.owner = new int[cols * rows];
        java.util.Arrays.fill(owner, -1);
    }

    int dotsWide() {
        return cols * (braille ? 2 : 1);
    }

    int dotsHigh() {
        return rows * (braille ? 4 : 1);
    }

    void dot(int x, int y, int series) {
        if (x < 0 || y < 0 || x >= dotsWide() || y >= dotsHigh()) {
            return;
        }
        int cell = braille ? (y / 4) * cols + x / 2 : y * cols + x;
        bits[cell] |= braille ? BRAILLE_BITS[y % 4][x % 2] : 1;
        owner[cell] = series;
    }

    /** Bresenham line between two dots, so consecutive points of a series join up. */
    void line(int x0, int y0, int x1, int y1, int series) {
        int dx = Math.abs(x1 - x0);
        int dy = -Math.abs(y1 - y0);
        int sx = x0 < x1 ? 1 : -1;
        int sy = y0 < y1 ? 1 : -1;
        int err = dx + dy;
        while (true) {
            dot(x0, y0, series);
            if (x0 == x1 && y0 == y1) {
                return;
            }
            int e2 = 2 * err;
            if (e2 >= dy) {
                err += dy;
                x0 += sx;
            }
            if (e2 <= dx) {
                err += dx;
                y0 += sy;
            }
        }
    }

    /** Row r as text; with colour, runs of cells owned by one series are wrapped in its ANSI colour. */
    String row(int r, boolean colour) {
        StringBuilder sb = new StringBuilder();
        int current = -1;
        for (int c = 0; c < cols; c++) {
            int cell = r * cols + c;
            int who = bits[cell] == 0 ? -1 : owner[cell];
            if (colour && who != current) {
                sb.append(who < 0 ? Palette.ANSI_RESET : Palette.ansi(who));
                current = who;
            }
            sb.append(glyph(cell));
        }
        if (colour && current >= 0) {
            sb.append(Palette.ANSI_RESET);
        }
        return sb.toString();
    }

    private char glyph(int cell) {
        if (bits[cell] == 0) {
            return ' ';
        }
        return braille ? (char) (0x2800 + bits[cell]) : MARKERS.charAt(owner[cell] % MARKERS.length());
    }
}
