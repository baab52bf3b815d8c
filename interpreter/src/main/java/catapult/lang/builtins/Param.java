package catapult.lang.builtins;

/**
 * One declared parameter of a built-in. A parameter without a default is required; a
 * variadic one collects the remaining positional arguments as a list.
 */
public record Param(String name, Type type, Object defaultValue, boolean required, boolean variadic, String doc) {

    public static Param required(String name, Type type, String doc) {
        return new Param(name, type, null, true, false, doc);
    }

    public static Param optional(String name, Type type, Object defaultValue, String doc) {
        return new Param(name, type, defaultValue, false, false, doc);
    }

    public static Param variadic(String name, Type type, String doc) {
        return new Param(name, type, null, false, true, doc);
    }

    /** "name", "name = 0.5" or "...name" as signatures show it. */
    public String signature() {
        if (variadic) return "..." + name;
        if (required) return name;
        return name + ": " + catapult.lang.value.Printer.repr(defaultValue);
    }
}
