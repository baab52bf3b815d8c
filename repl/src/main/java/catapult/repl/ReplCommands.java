package catapult.repl;

import java.util.List;
import java.util.Optional;

/** Every REPL command in one table, which also drives {@code :help}, completion and dispatch. */
final class ReplCommands {
    static final List<ReplCommand> ALL = List.of(
            new ReplCommand(":help", "[name]", "list commands and builtins by category; name a category or a builtin to see it",
                    (r, a) -> r.help(a)),
            new ReplCommand(":load", "file.cat", "run a script in this session (its definitions stay)", (r, a) -> r.load(a)),
            new ReplCommand(":vars", "", "list the variables in scope with their values", (r, a) -> r.vars()),
            new ReplCommand(":reset", "", "forget every variable and definition of this session", (r, a) -> r.reset()),
            new ReplCommand(":time", "expr", "evaluate expr and report the wall-clock time it took", (r, a) -> r.time(a)),
            new ReplCommand(":save", "file.cat", "write this session's successful inputs to a script", (r, a) -> r.save(a)),
            new ReplCommand(":quit", "", "leave the REPL (Ctrl-D does the same)", (r, a) -> false));

    private ReplCommands() {
    }

    /** The command a (possibly abbreviated, e.g. ":h") name stands for, if exactly one matches. */
    static Optional<ReplCommand> find(String name) {
        List<ReplCommand> matches = ALL.stream().filter(c -> c.name().startsWith(name)).toList();
        Optional<ReplCommand> exact = ALL.stream().filter(c -> c.name().equals(name)).findFirst();
        return exact.isPresent() ? exact : matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
    }
}
