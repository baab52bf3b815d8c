/**
 * The interactive REPL on JLine: multi-line input decided by the parser's completeness check,
 * syntax highlighting, completion of names, fields and built-in parameters from the registry,
 * {@code :help}, {@code :vars}, {@code :load}, {@code :reset} and the other {@code :} commands
 * ({@link catapult.repl.ReplCommands}), Ctrl-C that stops the running entry but keeps the session,
 * progress bars and text charts. {@link catapult.repl.Repl} is written against the narrow {@link
 * catapult.repl.ReplSession} so terminal handling is testable alone; {@link
 * catapult.repl.InterpreterSession} binds it to a language session.
 */
package catapult.repl;
