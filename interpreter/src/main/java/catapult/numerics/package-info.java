/**
 * Numeric settings shared by the language and the engine, below both: {@link
 * catapult.numerics.Precision}, the per-thread floating-point type that a session installs while
 * it evaluates. The engine packages (catapult.engine.*) may import this package; they never import
 * the language's (catapult.lang.*).
 */
package catapult.numerics;
