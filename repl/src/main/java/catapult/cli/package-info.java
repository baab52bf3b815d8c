/**
 * The {@code catapult} command ({@link catapult.cli.Main}): {@code run file.cat|py|js}, {@code -e},
 * {@code bench}, {@code docs} and, without arguments, the REPL. It creates the session with the
 * right settings (terminal progress and charts only on a terminal, {@code --set} overrides, guest
 * permissions) and prints user errors as positioned diagnostics with the documented exit codes.
 * {@link catapult.cli.ScriptInterrupts} gives {@code catapult run} its Ctrl-C behaviour.
 */
package catapult.cli;
