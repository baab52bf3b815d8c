package catapult.polyglot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** The guest languages Catapult embeds, with their GraalVM ids and bridge kits. */
public enum GuestLanguage {
    JS("js", "JavaScript", "kit.js", true),
    PYTHON("python", "Python", "kit.py", false);

    private final String id;
    private final String displayName;
    private final String kitResource;
    private final boolean singleThreaded;

    GuestLanguage(String id, String displayName, String kitResource, boolean singleThreaded) {
        this.id = id;
        this.displayName = displayName;
        this.kitResource = kitResource;
        this.singleThreaded = singleThreaded;
    }

    /** True when a context of this language admits only one thread at a time (JavaScript). */
    boolean singleThreaded() { return singleThreaded; }

    /** The GraalVM language id ("js", "python"). */
    public String id() { return id; }

    public String displayName() { return displayName; }

    /** The language of a host script by its extension, or null. */
    public static GuestLanguage forFile(Path file) {
        String name = file.getFileName().toString();
        if (name.endsWith(".js") || name.endsWith(".mjs")) return JS;
        if (name.endsWith(".py")) return PYTHON;
        return null;
    }

    /** Source of the guest-side bridge: a function of the host object returning [list, record, fail, catapult]. */
    String kitSource() {
        return resource(kitResource);
    }

    /**
     * Source of the language's sandbox prelude, a function of allowIo run before any guest code
     * (sandbox.py for Python), or null when the context's permissions are all it needs (JavaScript).
     */
    String sandboxSource() {
        return this == PYTHON ? resource("sandbox.py") : null;
    }

    private static String resource(String name) {
        try (InputStream in = GuestLanguage.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
