package catapult.sweep;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CSV file a sweep saves its rows to ({@code save: "points.csv"}): one header line, then one
 * line per finished point, each appended and forced to disk (fsync) before the sweep goes on, so
 * a killed process loses no finished point. Reopened for the same grid, it tells which points
 * are done. A torn last line (the process died while writing it) is dropped and cut off; a file
 * whose columns lack a grid key is refused. When a row brings a new column, the whole file is
 * rewritten to a temporary file and renamed over the old one, so it is complete at every moment.
 */
final class PointsFile implements AutoCloseable {
    private final Path path;
    private final List<String> keys;
    private final List<String> columns = new ArrayList<>();
    private final List<Map<String, String>> rows = new ArrayList<>();
    private FileChannel channel;

    private PointsFile(Path path, List<String> keys) {
        this.path = path;
        this.keys = List.copyOf(keys);
    }

    /** Opens (or starts) the file of a sweep whose grid has these keys. */
    static PointsFile open(Path path, List<String> keys) throws IOException {
        PointsFile f = new PointsFile(path, keys);
        if (Files.exists(path)) f.read();
        return f;
    }

    /** The rows already in the file, each as column -> raw cell. */
    List<Map<String, String>> rows() { return List.copyOf(rows); }

    /** The grid-key cells of a row or point, as one comparable string. */
    String key(Map<String, String> cells) {
        StringBuilder s = new StringBuilder();
        for (String k : keys) s.append(PointCells.normalized(cells.getOrDefault(k, ""))).append('\u0001');
        return s.toString();
    }

    /** Appends one finished row (column -> raw cell) durably. */
    synchronized void append(Map<String, String> cells) throws IOException {
        List<String> added = new ArrayList<>();
        for (String c : cells.keySet()) if (!columns.contains(c)) added.add(c);
        rows.add(cells);
        if (channel == null || !added.isEmpty()) {
            columns.addAll(added);
            rewrite();
            return;
        }
        write(CsvRecords.line(cellsOf(cells)));
    }

    @Override
    public synchronized void close() throws IOException {
        if (channel != null) channel.close();
        channel = null;
    }

    private void read() throws IOException {
        String text = Files.readString(path, StandardCharsets.UTF_8);
        CsvRecords.Parsed parsed = CsvRecords.parse(text);
        if (parsed.records().isEmpty()) return;
        for (String cell : parsed.records().get(0)) columns.add(CsvRecords.unname(cell));
        List<String> missing = keys.stream().filter(k -> !columns.contains(k)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(path + " holds the rows of another sweep: its columns " + columns
                    + " lack the grid key" + (missing.size() == 1 ? " '" + missing.get(0) + "'" : "s " + missing)
                    + "; give another file or delete this one");
        }
        for (int r = 1; r < parsed.records().size(); r++) {
            List<String> cells = parsed.records().get(r);
            if (cells.size() != columns.size()) {
                throw new IllegalArgumentException(path + ":" + parsed.lines().get(r) + ": " + cells.size()
                        + " cells, the header has " + columns.size());
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < cells.size(); c++) row.put(columns.get(c), cells.get(c));
            rows.add(row);
        }
        if (parsed.tornTail()) cut(text.substring(0, parsed.completeEnd()).getBytes(StandardCharsets.UTF_8).length);
        channel = FileChannel.open(path, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    /** Drops a torn last line, durably, before anything is appended after it. */
    private void cut(long size) throws IOException {
        try (FileChannel c = FileChannel.open(path, StandardOpenOption.WRITE)) {
            c.truncate(size);
            c.force(true);
        }
    }

    private List<String> cellsOf(Map<String, String> cells) {
        List<String> out = new ArrayList<>(columns.size());
        for (String c : columns) out.add(cells.getOrDefault(c, ""));
        return out;
    }

    private void rewrite() throws IOException {
        close();
        StringBuilder text = new StringBuilder(CsvRecords.line(columns.stream().map(CsvRecords::name).toList()));
        for (Map<String, String> row : rows) text.append(CsvRecords.line(cellsOf(row)));
        Path parent = path.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temp = Files.createTempFile(parent, "." + path.getFileName(), ".tmp");
        try (FileChannel c = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) c.write(bytes);
            c.force(true);
        }
        Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel dir = FileChannel.open(parent, StandardOpenOption.READ)) {
            dir.force(true);
        }
        channel = FileChannel.open(path, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    private void write(String line) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) channel.write(bytes);
        channel.force(false);
    }
}
