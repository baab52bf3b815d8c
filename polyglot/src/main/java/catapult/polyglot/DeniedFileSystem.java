package catapult.polyglot;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AccessMode;
import java.nio.file.DirectoryStream;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.util.Map;
import java.util.Set;
import org.graalvm.polyglot.io.FileSystem;

/**
 * The file system sandboxed guest code sees: every operation fails with an ordinary
 * {@link AccessDeniedException}, which the guest languages raise as their own catchable error
 * (Python's PermissionError, a JavaScript Error). GraalVM's built-in deny-all file system throws
 * a SecurityException instead, which GraalPy lets escape past `except BaseException`. Wrapped
 * by {@link FileSystem#allowLanguageHomeAccess} so the languages still read their own libraries.
 */
final class DeniedFileSystem implements FileSystem {
    private static final Path ROOT = Path.of("/");

    static FileSystem create() {
        return FileSystem.allowLanguageHomeAccess(new DeniedFileSystem());
    }

    private static IOException denied(Path path) {
        return new AccessDeniedException(String.valueOf(path), null, "file access is not allowed for sandboxed guest code (--allow-io)");
    }

    @Override public Path parsePath(URI uri) {
        if (!"file".equalsIgnoreCase(uri.getScheme())) throw new UnsupportedOperationException("Unsupported URI scheme " + uri.getScheme());
        return Path.of(uri);
    }

    @Override public Path parsePath(String path) { return Path.of(path); }
    @Override public void checkAccess(Path path, Set<? extends AccessMode> modes, LinkOption... options) throws IOException { throw denied(path); }
    @Override public void createDirectory(Path dir, FileAttribute<?>... attrs) throws IOException { throw denied(dir); }
    @Override public void delete(Path path) throws IOException { throw denied(path); }
    @Override public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs) throws IOException { throw denied(path); }
    @Override public DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> filter) throws IOException { throw denied(dir); }
    /** Relative paths resolve against "/": the process's working directory is not revealed. */
    @Override public Path toAbsolutePath(Path path) { return ROOT.resolve(path); }
    @Override public Path toRealPath(Path path, LinkOption... options) throws IOException { throw denied(path); }
    @Override public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options) throws IOException { throw denied(path); }
}
