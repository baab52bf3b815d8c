package catapult.cli;

/** Starts the JLine REPL when a terminal is attached; otherwise Main falls back to a plain line REPL. */
final class ReplLauncher {
    private ReplLauncher() {}

    static boolean tryStart(Main main) {
        if (System.console() == null) return false;
        try {
            Class<?> repl = Class.forName("catapult.repl.Repl");
            repl.getMethod("startInTerminal").invoke(null);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("REPL failed to start", e.getCause() == null ? e : e.getCause());
        }
    }
}
