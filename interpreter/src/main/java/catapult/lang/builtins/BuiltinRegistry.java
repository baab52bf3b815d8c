package catapult.lang.builtins;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The one table of built-ins. Everything that documents or checks built-ins — argument
 * binding, REPL completion and `:help`, docs/builtins.md — reads it from here.
 */
public final class BuiltinRegistry {
    private final TreeMap<String, Builtin> byName = new TreeMap<>();
    private final List<String> categoriesInOrder = new ArrayList<>();
    private final java.util.Map<String, String> categoryHeaders = new java.util.HashMap<>();

    /** Core built-ins plus every provider found on the class path. */
    public static BuiltinRegistry standard() {
        BuiltinRegistry r = new BuiltinRegistry();
        new CoreBuiltins().register(r);
        for (BuiltinProvider p : ServiceLoader.load(BuiltinProvider.class, BuiltinRegistry.class.getClassLoader())) {
            p.register(r);
        }
        return r;
    }

    public void register(Builtin b) {
        if (byName.containsKey(b.name())) throw new IllegalStateException("builtin '" + b.name() + "' registered twice");
        byName.put(b.name(), b);
        if (!categoriesInOrder.contains(b.category())) categoriesInOrder.add(b.category());
    }

    /**
     * A one-line description of a category ("tangent kernels, spectra, critical learning rates"),
     * shown under its heading by {@code :help} and docs/builtins.md. The first description given wins.
     */
    public void describeCategory(String category, String header) {
        categoryHeaders.putIfAbsent(category, header);
    }

    /** The category's description, or "" when none was given. */
    public String categoryHeader(String category) { return categoryHeaders.getOrDefault(category, ""); }

    public Builtin get(String name) { return byName.get(name); }

    public boolean has(String name) { return byName.containsKey(name); }

    public Collection<Builtin> all() { return Collections.unmodifiableCollection(byName.values()); }

    public List<String> names() { return new ArrayList<>(byName.keySet()); }

    /** Category names in first-registered order. */
    public List<String> categories() { return List.copyOf(categoriesInOrder); }
}
