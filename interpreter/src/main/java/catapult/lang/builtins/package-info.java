/**
 * The one registry of built-in functions and what it drives. A {@link
 * catapult.lang.builtins.Builtin} declares its name, category, typed {@link
 * catapult.lang.builtins.Param}s with defaults, summary, formula, example and thesis reference;
 * from that single declaration come argument binding and checking ({@link
 * catapult.lang.builtins.Args}, {@link catapult.lang.builtins.Type}), REPL completion and
 * {@code :help}, and the generated reference docs/builtins.md ({@link
 * catapult.lang.builtins.DocsGenerator}). Modules contribute built-ins through {@link
 * catapult.lang.builtins.BuiltinProvider} (Java's ServiceLoader); {@link
 * catapult.lang.builtins.CoreBuiltins} are the language's own (print, assert, len, ...).
 */
package catapult.lang.builtins;
