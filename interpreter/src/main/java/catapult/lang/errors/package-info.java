/**
 * The errors a user can cause, one type per phase: {@link catapult.lang.errors.SyntaxError}
 * (parse), {@link catapult.lang.errors.ResolveError} (unknown names before anything runs),
 * {@link catapult.lang.errors.RuntimeError} (evaluation) and {@link
 * catapult.lang.errors.Interrupted}. All extend {@link catapult.lang.errors.CatapultError}, which
 * formats itself as {@code file:line:col: message}, the source line and a caret, and carries the
 * launcher's exit code (65 syntax, 70 runtime, 130 interrupted). None fills a Java stack trace.
 */
package catapult.lang.errors;
