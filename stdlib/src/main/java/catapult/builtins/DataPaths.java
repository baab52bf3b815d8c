package catapult.builtins;

import catapult.lang.syntax.Span;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Resolves the file paths that data readers receive: absolute paths and {@code ~/} as given; a
 * relative path against the working directory, or, when it is not there, against the directory
 * of the script that names it (so a script finds its data wherever it is run from).
 */
final class DataPaths {

    private DataPaths() {}

    static Path resolve(String text, Span site, String builtin) {
        Path p;
        try {
            String expanded = text.startsWith("~/") ? System.getProperty("user.home") + text.substring(1) : text;
            p = Paths.get(expanded);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(builtin + ": invalid path \"" + text + "\": " + e.getReason());
        }
        if (p.isAbsolute() || Files.exists(p)) {
            return p;
        }
        Path script = scriptDir(site);
        if (script != null && Files.exists(script.resolve(p))) {
            return script.resolve(p).normalize();
        }
        return p;
    }

    private static Path scriptDir(Span site) {
        if (site == null || site.file() == null) {
            return null;
        }
        try {
            Path f = site.file().path() != null ? site.file().path() : Paths.get(site.file().name());
            return Files.isRegularFile(f) ? f.toAbsolutePath().getParent() : null;
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
