/**
 * Catapult and GraalVM's JavaScript and Python, both ways: {@code js(code)} / {@code python(code)}
 * make guest functions usable as Catapult functions ({@link catapult.polyglot.PolyglotBuiltins},
 * {@link catapult.polyglot.GuestFunction}), and {@code catapult run host.py|host.js} runs a guest
 * script with a {@code catapult} object bound ({@link catapult.polyglot.GuestRunner}, {@link
 * catapult.polyglot.CatapultObject}). {@link catapult.polyglot.GuestSession} keeps one context per
 * language per session; {@link catapult.polyglot.GuestValues} converts values; {@link
 * catapult.polyglot.Sandbox} decides what guest code may do (nothing beyond the catapult object
 * unless the user allows I/O; {@link catapult.polyglot.DeniedFileSystem} and the Python prelude
 * sandbox.py make every denial a catchable guest error); {@link catapult.polyglot.GuestWatchdog}
 * stops guest calls on interrupts, at the session's time limit ({@link
 * catapult.polyglot.GuestEntry}) and when the {@link catapult.polyglot.GuestMemoryGuard} finds the
 * heap full.
 */
package catapult.polyglot;
