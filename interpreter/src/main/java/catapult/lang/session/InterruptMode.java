package catapult.lang.session;

/**
 * What an interrupt stops. In the REPL and in embedding hosts it ends the running entry or call
 * (a training run stops at its next step and keeps what it has, then the entry ends). In
 * {@code catapult run} it stops only the innermost train, sweep or loop and the script goes on with
 * the partial result; the launcher ends the script on a second Ctrl-C.
 */
public enum InterruptMode {
    /** An interrupt ends the whole evaluation (REPL entry, API call) with an "interrupted" error. */
    STOP_ENTRY,
    /** An interrupt stops the current train/sweep/loop; the script continues after it. */
    STOP_CURRENT_WORK
}
