package catapult.lang.codec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/** The {@link CodecExtension}s on the class path, loaded once. */
final class CodecExtensions {
    private static volatile CodecExtensions loaded;

    private final List<CodecExtension> all = new ArrayList<>();
    private final Map<String, CodecExtension> byTag = new HashMap<>();

    private CodecExtensions() {
        for (CodecExtension e : ServiceLoader.load(CodecExtension.class, CodecExtension.class.getClassLoader())) {
            all.add(e);
            for (String tag : e.tags()) byTag.put(tag, e);
        }
    }

    static CodecExtensions get() {
        CodecExtensions l = loaded;
        if (l == null) {
            synchronized (CodecExtensions.class) {
                if (loaded == null) loaded = new CodecExtensions();
                l = loaded;
            }
        }
        return l;
    }

    /** The extension that encodes value, or null. */
    CodecExtension forValue(Object value) {
        for (CodecExtension e : all) if (e.handles(value)) return e;
        return null;
    }

    /** The extension that reads tag, or null. */
    CodecExtension forTag(String tag) { return byTag.get(tag); }
}
