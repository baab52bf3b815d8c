package catapult.engine.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Replaces a file all at once: the content goes to a temporary file in the target's directory,
 * is flushed and fsync'd, and is then renamed over the target (an atomic step on POSIX file
 * systems), after which the directory is fsync'd so the rename itself survives a power cut.
 * If anything fails on the way (a full disk, a kill, an exception in the writer) the old file
 * is untouched and the temporary file is removed (after a kill -9 it stays behind as a hidden
 * {@code .name.*.tmp} file, but the target is whole).
 */
public final class AtomicWrite {

    /** Writes a file's content to a stream; the stream is buffered and closed by AtomicWrite. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes a file's text to a writer (UTF-8); AtomicWrite flushes and closes it. */
    @FunctionalInterface
    public interface TextContent {
        void writeTo(Writer out) throws IOException;
    }

    private static final Set<PosixFilePermission> NEW_FILE = PosixFilePermissions.fromString("rw-r--r--");

    private AtomicWrite() {}

    /** Replaces target with text in UTF-8. */
    public static void writeString(Path target, String text) throws IOException {
        write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Replaces target with the UTF-8 text content writes, without holding it all in memory. */
    public static void writeText(Path target, TextContent content) throws IOException {
        write(target, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            content.writeTo(w);
            w.flush();
        });
    }

    /**
     * Replaces target with what content writes, creating parent directories as needed. A
     * failure is an IOException whose message is the reason in words ("No space left on
     * device; the old file is unchanged"), for the caller to prefix with what it was writing.
     */
    public static void write(Path target, Content content) throws IOException {
        boolean existed = Files.exists(target);
        try {
            replace(target, content);
        } catch (IOException e) {
            throw new IOException(reason(e) + (existed ? "; the old file is unchanged" : ""), e);
        }
    }

    /** The reason of an I/O failure without the temporary file's name. */
    private static String reason(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) return "no such file or directory";
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof java.nio.file.FileAlreadyExistsException) return "a file is in the way of a directory";
        if (e instanceof FileSystemException f && f.getReason() != null) return f.getReason();
        return String.valueOf(e.getMessage());
    }

    private static void replace(Path target, Content content) throws IOException {
        Path file = Files.isSymbolicLink(target) ? target.toRealPath() : target.toAbsolutePath();
        Path dir = file.getParent();
        Files.createDirectories(dir);
        if (Files.isDirectory(file)) throw new FileSystemException(target.toString(), null, "is a directory");
        Path tmp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE);
                 OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16)) {
                content.writeTo(out);
                out.flush();
                ch.force(true);
            }
            keepPermissions(file, tmp);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException | Error e) {
            deleteQuietly(tmp);
            throw e;
        }
        syncDirectory(dir);
    }

    /** The new file gets the old one's permissions, or rw-r--r-- (a temp file starts as rw-------). */
    private static void keepPermissions(Path file, Path tmp) throws IOException {
        try {
            Set<PosixFilePermission> perms = Files.exists(file) ? Files.getPosixFilePermissions(file) : NEW_FILE;
            Files.setPosixFilePermissions(tmp, perms);
        } catch (UnsupportedOperationException | AccessDeniedException e) {
            // not a POSIX file system, or not ours to inspect: keep the default
        }
    }

    /** fsync of the directory makes the rename durable; some file systems refuse it, which is harmless. */
    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | RuntimeException e) {
            // the data itself is already on disk
        }
    }

    private static void deleteQuietly(Path tmp) {
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException e) {
            // nothing more can be done; the target is untouched either way
        }
    }
}
