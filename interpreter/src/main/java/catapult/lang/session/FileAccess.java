package catapult.lang.session;

import catapult.lang.errors.RuntimeError;
import catapult.lang.syntax.Span;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Which files the code of a session may read and write. A `.cat` script, a REPL entry and a call
 * from a Java or CPython host are the user's own code: unrestricted. Code that JavaScript or
 * Python guests (GraalVM) submit through their `catapult` object runs under the guest policy:
 * confined to the directories the user allowed (none by default), so a sandboxed guest cannot
 * reach host files through Catapult's readers, writers or imports either.
 */
public final class FileAccess {
    /** Any file the process may use. */
    public static final FileAccess UNRESTRICTED = new FileAccess(null);
    /** No file at all. */
    public static final FileAccess NONE = new FileAccess(List.of());

    private final List<Path> roots;   // null = unrestricted

    private FileAccess(List<Path> roots) { this.roots = roots; }

    /** Only files under these directories (symbolic links resolved, so a link cannot lead out). */
    public static FileAccess confinedTo(List<Path> directories) {
        List<Path> real = new ArrayList<>();
        for (Path d : directories) real.add(realPath(d.toAbsolutePath().normalize()));
        return new FileAccess(List.copyOf(real));
    }

    public boolean unrestricted() { return roots == null; }

    /** The allowed directories; empty for {@link #NONE}, null when unrestricted. */
    public List<Path> roots() { return roots; }

    /** The path to read, or a positioned error when this policy forbids it. */
    public Path checkRead(Path file, Span site) { return check(file, "reading", site); }

    /** The path to write, or a positioned error when this policy forbids it. */
    public Path checkWrite(Path file, Span site) { return check(file, "writing", site); }

    private Path check(Path file, String what, Span site) {
        if (roots == null) return file;
        Path real = realPath(file.toAbsolutePath().normalize());
        for (Path root : roots) if (real.startsWith(root)) return file;
        String allowed = roots.isEmpty() ? "no directory was allowed (--allow-dir DIR)"
                : "allowed: " + String.join(", ", roots.stream().map(Path::toString).toList());
        throw new RuntimeError(what + " " + file + " is not allowed for code from a sandboxed guest language; "
                + allowed, site);
    }

    /** The path with symbolic links resolved as far as the file system has it. */
    private static Path realPath(Path p) {
        Path existing = p;
        Path rest = null;
        while (existing != null && !Files.exists(existing)) {
            rest = rest == null ? existing.getFileName() : existing.getFileName().resolve(rest);
            existing = existing.getParent();
        }
        if (existing == null) return p;
        try {
            Path real = existing.toRealPath();
            return rest == null ? real : real.resolve(rest).normalize();
        } catch (IOException e) {
            return p;
        }
    }

    @Override public String toString() {
        return roots == null ? "unrestricted" : roots.isEmpty() ? "none" : "confined to " + roots;
    }
}
