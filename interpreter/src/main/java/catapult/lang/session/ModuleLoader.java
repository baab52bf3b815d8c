package catapult.lang.session;

import catapult.lang.ast.Program;
import catapult.lang.ast.Stmt;
import catapult.lang.errors.ResolveError;
import catapult.lang.errors.RuntimeError;
import catapult.lang.syntax.Parser;
import catapult.lang.syntax.ScriptText;
import catapult.lang.syntax.SourceFile;
import catapult.lang.syntax.Span;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads script files and the files they {@code import}: resolves an import against the importing
 * file's directory, parses it, and remembers which files a session has run so each is imported
 * once. Reading goes through the session's {@link FileAccess}, so code from a sandboxed guest
 * cannot import host files.
 */
public final class ModuleLoader {
    private final Set<Path> imported = new HashSet<>();

    /** The text of a script to run; the file counts as imported (a later import of it is skipped). */
    public SourceFile readMain(Path file, FileAccess access) {
        access.checkRead(file, Span.NONE);
        String text;
        try {
            text = ScriptText.read(file);
        } catch (IOException e) {
            throw new RuntimeError("cannot read " + file + ": " + reason(e), Span.NONE);
        }
        synchronized (imported) {
            imported.add(file.toAbsolutePath().normalize());
        }
        return new SourceFile(file.toString(), text, file);
    }

    /** Parses an imported file (the resolver calls this before anything runs). */
    public Program parse(Stmt.Import i, FileAccess access) {
        Path path = resolve(i);
        access.checkRead(path, i.span());
        try {
            return Parser.parse(new SourceFile(displayName(i), ScriptText.read(path), path));
        } catch (IOException e) {
            throw new ResolveError("cannot import \"" + i.path() + "\": " + reason(e), i.span());
        }
    }

    /** True the first time a file is imported in this session; false when it already ran. */
    public boolean firstImport(Stmt.Import i) {
        synchronized (imported) {
            return imported.add(resolve(i));
        }
    }

    /** Forgets which files ran (REPL :reset). */
    public void clear() {
        synchronized (imported) {
            imported.clear();
        }
    }

    /** The imported file's path, relative to the importing file's directory (or the working directory). */
    public static Path resolve(Stmt.Import i) {
        Path importer = i.span().file().path();
        Path base = importer == null ? Path.of("").toAbsolutePath() : importer.toAbsolutePath().getParent();
        return base.resolve(i.path()).normalize();
    }

    /** Errors in an imported file show its path as written next to the importing file's name. */
    private static String displayName(Stmt.Import i) {
        Path importer = i.span().file().path();
        if (importer == null) return i.path();
        Path shown = Path.of(i.span().file().name()).getParent();
        return shown == null ? i.path() : shown.resolve(i.path()).normalize().toString();
    }

    private static String reason(IOException e) {
        return e instanceof NoSuchFileException ? "no such file" : String.valueOf(e.getMessage());
    }
}
