package catapult.repl;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import catapult.builtins.TerminalHost;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.terminal.impl.DumbTerminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;

/**
 * The interactive loop: read an input (several lines while the parser calls it incomplete),
 * run a {@code :command} or evaluate it, echo the value or the formatted error, repeat. Every
 * error leaves the session usable; Ctrl-C interrupts a running evaluation and returns to the
 * prompt with the session kept; Ctrl-C at the prompt clears the line; Ctrl-D leaves.
 */
public final class Repl {
    public static final String PROMPT = "cat> ";
    public static final String CONTINUATION = "...> ";
    private static final int CHART_MAX_WIDTH = 100;
    private static final int HELP_WIDTH = 100;
    private static final AttributedStyle ERROR = AttributedStyle.DEFAULT.foreground(AttributedStyle.RED);
    private static final AttributedStyle NOTE = AttributedStyle.DEFAULT.foreground(AttributedStyle.BRIGHT | AttributedStyle.BLACK);

    private final Terminal terminal;
    private final ReplSession session;
    private final LineReader reader;
    private final PrintWriter out;
    private final List<String> successfulInputs = new ArrayList<>();
    private volatile boolean evaluating;

    /** @param historyFile where to keep history between sessions, or null for none */
    public Repl(Terminal terminal, ReplSession session, Path historyFile) {
        this.terminal = terminal;
        this.session = session;
        this.out = terminal.writer();
        this.reader = buildReader(historyFile);
        session.setOutput(out);
        terminal.handle(Terminal.Signal.INT, signal -> interruptEvaluation());
    }

    /**
     * Starts the REPL on the process's terminal with a fresh interpreter session (what
     * {@code catapult} with no arguments does); returns the exit code.
     */
    public static int startInTerminal() throws IOException {
        try (Terminal terminal = TerminalBuilder.builder().system(true).nativeSignals(true).build()) {
            InterpreterSession session = InterpreterSession.standard();
            session.setTerminal(terminalHost(terminal));
            return new Repl(terminal, session, defaultHistoryFile()).run();
        }
    }

    /**
     * The REPL on piped input (no terminal: {@code echo ':help train' | catapult}, CI): the
     * same evaluation, {@code :commands} and messages as the interactive one, read line by line
     * (an incomplete input continues on the next line), without colour, history or editing;
     * values and errors both go to {@code out}, in order, as a transcript. Returns the exit code.
     */
    public static int startPiped(InputStream in, OutputStream out, ReplSession session) throws IOException {
        try (Terminal terminal = new DumbTerminal("catapult", Terminal.TYPE_DUMB, InputStream.nullInputStream(), out,
                StandardCharsets.UTF_8)) {
            return new Repl(terminal, session, null).runLines(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        }
    }

    /** Reads inputs from {@code lines} (prompts shown as in a terminal) until :quit or end of input. */
    int runLines(BufferedReader lines) throws IOException {
        StringBuilder pending = new StringBuilder();
        while (true) {
            out.print(pending.length() == 0 ? PROMPT : CONTINUATION);
            out.flush();
            String line = lines.readLine();
            if (line == null) break;
            pending.append(pending.length() == 0 ? "" : "\n").append(line);
            String input = pending.toString();
            String s = input.strip();
            if (!s.isEmpty() && !s.startsWith(":") && !session.isComplete(input)) continue;
            pending.setLength(0);
            if (!handle(input)) break;
        }
        out.println();
        out.flush();
        return 0;
    }

    /** Progress bars and text charts sized to the terminal; colour unless it is a dumb one. */
    public static TerminalHost terminalHost(Terminal terminal) {
        boolean colour = !terminal.getType().startsWith("dumb");
        ProgressBar bar = new ProgressBar(terminal.writer(), () -> width(terminal));
        int height = terminal.getHeight() > 0 ? terminal.getHeight() : 24;
        return new TerminalHost(bar, Math.min(width(terminal), CHART_MAX_WIDTH), Math.max(12, Math.min(22, height - 4)), colour);
    }

    private static int width(Terminal terminal) {
        return terminal.getWidth() > 0 ? terminal.getWidth() : 80;
    }

    /** ~/.catapult_history, or the file named by the CATAPULT_HISTORY environment variable. */
    public static Path defaultHistoryFile() {
        String env = System.getenv("CATAPULT_HISTORY");
        return env != null && !env.isBlank() ? Path.of(env) : Path.of(System.getProperty("user.home"), ".catapult_history");
    }

    private LineReader buildReader(Path historyFile) {
        LineReaderBuilder b = LineReaderBuilder.builder().terminal(terminal).appName("catapult")
                .parser(new InputParser(session))
                .completer(new ReplCompleter(session))
                .highlighter(new SyntaxHighlighter(session.keywords(),
                        session.builtins().stream().map(BuiltinDoc::name).collect(Collectors.toSet())))
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, CONTINUATION)
                .variable(LineReader.LIST_MAX, 400)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.AUTO_FRESH_LINE, true)
                .option(LineReader.Option.INSERT_TAB, true);
        if (historyFile != null) {
            b.variable(LineReader.HISTORY_FILE, historyFile);
        }
        return b.build();
    }

    /** Runs until :quit or Ctrl-D; returns the process exit code (0). */
    public int run() {
        println(new AttributedString("Catapult REPL. :help for commands and builtins, Ctrl-D to quit.", NOTE));
        while (true) {
            String input;
            try {
                input = reader.readLine(PROMPT);
            } catch (UserInterruptException e) {
                continue;
            } catch (EndOfFileException e) {
                break;
            }
            if (!handle(input)) {
                break;
            }
        }
        saveHistory();
        return 0;
    }

    /** Handles one complete input; false when it asked to leave. */
    boolean handle(String input) {
        String s = input.strip();
        if (s.isEmpty()) {
            return true;
        }
        if (s.startsWith(":")) {
            return command(s);
        }
        if (show(evaluate(() -> session.evaluate(input)))) {
            successfulInputs.add(input);
        }
        return true;
    }

    private boolean command(String line) {
        int space = line.indexOf(' ');
        String name = space < 0 ? line : line.substring(0, space);
        String argument = space < 0 ? "" : line.substring(space + 1).strip();
        Optional<ReplCommand> command = ReplCommands.find(name.toLowerCase(Locale.ROOT));
        if (command.isEmpty()) {
            error("unknown command " + name + didYouMean(name, ReplCommands.ALL.stream().map(ReplCommand::name).toList())
                    + " (:help lists the commands)");
            return true;
        }
        return command.get().action().run(this, argument);
    }

    boolean help(String topic) {
        String name = topic.strip();
        if (name.isEmpty()) {
            out.print(HelpText.overview(session.builtins(), session.categories(), Math.min(width(terminal), HELP_WIDTH)));
            out.flush();
            return true;
        }
        if (session.categories().containsKey(name)) {
            out.print(HelpText.category(name, session.categories().get(name), session.builtins()));
            out.flush();
            return true;
        }
        Optional<ReplCommand> command = name.startsWith(":") ? ReplCommands.find(name) : ReplCommands.ALL.stream()
                .filter(c -> c.name().equals(":" + name)).findFirst();
        Optional<BuiltinDoc> builtin = session.builtins().stream().filter(b -> b.name().equals(name)).findFirst();
        if (builtin.isPresent()) {
            out.print(HelpText.builtin(builtin.get()));
        } else if (command.isPresent()) {
            out.print(HelpText.command(command.get()));
        } else {
            error("no builtin or command named '" + name + "'"
                    + didYouMean(name, session.builtins().stream().map(BuiltinDoc::name).toList()));
        }
        out.flush();
        return true;
    }

    boolean load(String file) {
        if (file.isEmpty()) {
            error(":load needs a file name, as in :load experiment.cat");
            return true;
        }
        if (show(evaluate(() -> session.load(Path.of(file))))) {
            successfulInputs.add("import \"" + file.replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
        }
        return true;
    }

    boolean vars() {
        Map<String, String> globals = session.globals();
        if (globals.isEmpty()) {
            println(new AttributedString("(no variables)", NOTE));
        }
        int w = globals.keySet().stream().mapToInt(String::length).max().orElse(0);
        globals.forEach((name, value) -> out.println(name + " ".repeat(w - name.length()) + " = " + value));
        out.flush();
        return true;
    }

    boolean reset() {
        session.reset();
        successfulInputs.clear();
        println(new AttributedString("session reset: every variable and definition is gone", NOTE));
        return true;
    }

    boolean time(String expression) {
        if (expression.isEmpty()) {
            error(":time needs an expression, as in :time ntk(net, data)");
            return true;
        }
        long start = System.nanoTime();
        Outcome outcome = evaluate(() -> session.evaluate(expression));
        double seconds = (System.nanoTime() - start) / 1e9;
        if (show(outcome)) {
            successfulInputs.add(expression);
        }
        println(new AttributedString(String.format(Locale.ROOT, "time: %s", formatSeconds(seconds)), NOTE));
        return true;
    }

    static String formatSeconds(double s) {
        return s < 1e-3 ? String.format(Locale.ROOT, "%.1f µs", s * 1e6)
                : s < 1 ? String.format(Locale.ROOT, "%.2f ms", s * 1e3) : String.format(Locale.ROOT, "%.3f s", s);
    }

    boolean save(String file) {
        if (file.isEmpty()) {
            error(":save needs a file name, as in :save session.cat");
            return true;
        }
        try {
            Path path = Path.of(file);
            String text = successfulInputs.isEmpty() ? "" : String.join("\n", successfulInputs) + "\n";
            catapult.engine.io.AtomicWrite.writeString(path, text);
            println(new AttributedString("saved " + successfulInputs.size() + " inputs to " + path, NOTE));
        } catch (IOException | RuntimeException e) {
            error("cannot write '" + file + "': " + e.getMessage());
        }
        return true;
    }

    /**
     * Runs an evaluation that Ctrl-C may interrupt; internal bugs are reported, never fatal.
     * Between two reads JLine leaves the terminal in its normal (cooked, echoing) mode, so a
     * line typed while a computation runs would be echoed by the terminal and then shown again
     * by the next readLine, which reads it as typed-ahead input. Echo is therefore off while
     * evaluating; the typed-ahead keys wait in the terminal and appear once, at the next prompt.
     */
    private Outcome evaluate(Supplier<Outcome> action) {
        evaluating = true;
        Attributes normal = terminal.getAttributes();
        Attributes quiet = new Attributes(normal);
        quiet.setLocalFlag(Attributes.LocalFlag.ECHO, false);
        terminal.setAttributes(quiet);
        try {
            return action.get();
        } catch (StackOverflowError e) {
            return new Outcome.Failure("error: stack overflow (recursion too deep)");
        } catch (RuntimeException e) {
            return new Outcome.Failure("internal error (please report): " + e);
        } finally {
            terminal.setAttributes(normal);
            evaluating = false;
        }
    }

    /** Ctrl-C outside readLine: stop the evaluation if one runs (a stale request would hit the next one). */
    private void interruptEvaluation() {
        if (evaluating) {
            session.interrupt();
        }
    }

    boolean profile(String expression) {
        if (expression.isEmpty()) {
            error(":profile needs an expression, as in :profile train(net, data, sgd(0.5, batch: 10), steps: 1000)");
            return true;
        }
        ProfileReport report = ProfileReport.start();
        Outcome outcome = evaluate(() -> session.evaluate(expression));
        String table = report.finish();
        if (show(outcome)) successfulInputs.add(expression);
        out.print(table);
        out.flush();
        return true;
    }

    /** Prints an outcome; true when it was a success. */
    private boolean show(Outcome outcome) {
        if (outcome instanceof Outcome.Value v && !v.display().isEmpty()) {
            out.println(v.display());
        } else if (outcome instanceof Outcome.Failure f) {
            error(f.message());
        } else if (outcome instanceof Outcome.Interrupted i) {
            // The terminal has just echoed ^C on the current line; start the message on a fresh one.
            out.println();
            println(new AttributedString("interrupted" + (i.message().isEmpty() ? "" : ": " + i.message()), ERROR));
        }
        out.flush();
        return outcome instanceof Outcome.Value;
    }

    private void error(String message) {
        println(new AttributedString(message.stripTrailing(), ERROR));
    }

    private void println(AttributedString s) {
        out.println(s.toAnsi(terminal));
        out.flush();
    }

    private static String didYouMean(String name, List<String> known) {
        return HelpText.nearest(name, known).map(k -> "; did you mean '" + k + "'?").orElse("");
    }

    private void saveHistory() {
        try {
            reader.getHistory().save();
        } catch (IOException e) {
            error("could not save history: " + e.getMessage());
        }
    }

    /** The inputs that succeeded so far, in order (what :save writes). */
    List<String> successfulInputs() {
        return List.copyOf(successfulInputs);
    }
}
