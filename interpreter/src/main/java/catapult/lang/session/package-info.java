/**
 * Sessions: the state a user's code runs in, and the one API every host uses to run code.
 * {@link catapult.lang.session.Session} holds the global scope, the typed host settings ({@link
 * catapult.lang.session.SessionSettings}: output streams, guest I/O, file policies, interrupt
 * mode), the precision, the module loader for imports ({@link
 * catapult.lang.session.ModuleLoader}), the interrupt flag ({@link
 * catapult.lang.session.InterruptFlag}) and the per-session state of extension modules. The CLI,
 * the REPL, the Java API, guest-language hosts and the Python package create sessions; sweep
 * workers fork them; code from sandboxed guests runs in a guest view confined by {@link
 * catapult.lang.session.FileAccess}.
 */
package catapult.lang.session;
