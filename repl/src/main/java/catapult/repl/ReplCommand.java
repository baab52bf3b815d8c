package catapult.repl;

/** One {@code :command} of the REPL: its name, argument hint, help line and action. */
record ReplCommand(String name, String argument, String help, Action action) {

    /** Runs the command; returns false to end the session. */
    @FunctionalInterface
    interface Action {
        boolean run(Repl repl, String argument);
    }

    String usage() {
        return argument.isEmpty() ? name : name + " " + argument;
    }
}
