package catapult.repl;

/** The result of evaluating one REPL input, ready for display. */
public sealed interface Outcome {

    /** Success; {@code display} is the value to echo, empty for statements and {@code none}. */
    record Value(String display) implements Outcome {
    }

    /** A user error, formatted as {@code file:line:col: message}, the source line and a caret. */
    record Failure(String message) implements Outcome {
    }

    /** The user pressed Ctrl-C; {@code message} says what was kept (for instance a partial run). */
    record Interrupted(String message) implements Outcome {
    }
}
