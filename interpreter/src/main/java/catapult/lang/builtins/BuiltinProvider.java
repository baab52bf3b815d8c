package catapult.lang.builtins;

/**
 * A module's contribution to the built-ins. Modules list their providers in
 * META-INF/services/catapult.lang.builtins.BuiltinProvider; the registry loads them all.
 */
public interface BuiltinProvider {
    void register(BuiltinRegistry registry);
}
