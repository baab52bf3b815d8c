package catapult.repl;

import java.util.ArrayList;
import java.util.List;
import org.jline.builtins.Completers;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion: commands after ':', builtins and commands after ':help', file names after
 * ':load'/':save', fields after a dot, and in code the named arguments of the builtin being
 * called followed by keywords, builtins and variables in scope.
 */
final class ReplCompleter implements Completer {
    private final ReplSession session;
    private final Completer files = new Completers.FileNameCompleter();

    ReplCompleter(ReplSession session) {
        this.session = session;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        CompletionContext at = CompletionContext.at(line.line(), line.cursor());
        if (at.kind() == CompletionContext.Kind.FILE) {
            files.complete(reader, line, candidates);
        } else {
            candidates.addAll(candidates(at));
        }
    }

    /** The candidates for a context (JLine filters them by the typed prefix). */
    List<Candidate> candidates(CompletionContext at) {
        List<Candidate> out = new ArrayList<>();
        switch (at.kind()) {
            case COMMAND -> ReplCommands.ALL.forEach(c -> out.add(candidate(c.name(), "commands", c.help(), true)));
            case HELP_TOPIC -> {
                session.builtins().forEach(b -> out.add(candidate(b.name(), "builtins", b.summary(), true)));
                ReplCommands.ALL.forEach(c -> out.add(candidate(c.name(), "commands", c.help(), true)));
            }
            case FIELD -> session.fields(at.target()).forEach(f -> out.add(candidate(f, "fields", null, false)));
            case CODE -> code(at, out);
            default -> {
            }
        }
        return out;
    }

    private void code(CompletionContext at, List<Candidate> out) {
        if (at.target() != null) {
            session.builtins().stream().filter(b -> b.name().equals(at.target())).findFirst().ifPresent(b ->
                    b.params().stream().filter(p -> !p.variadic()).forEach(p -> out.add(candidate(p.name() + ":", "arguments of " + b.name(),
                            p.defaultValue() == null ? "required" : "default " + p.defaultValue(), true))));
        }
        session.globals().forEach((name, value) -> out.add(candidate(name, "variables", value, false)));
        session.keywords().forEach(k -> out.add(candidate(k, "keywords", null, true)));
        session.builtins().forEach(b -> out.add(candidate(b.name(), "builtins", b.summary(), false)));
    }

    private static Candidate candidate(String value, String group, String description, boolean complete) {
        String descr = description == null || description.isBlank() ? null : firstLine(description);
        return new Candidate(value, value, group, descr, null, null, complete);
    }

    private static String firstLine(String s) {
        String first = s.lines().findFirst().orElse("");
        return first.length() <= 60 ? first : first.substring(0, 59) + "…";
    }
}
