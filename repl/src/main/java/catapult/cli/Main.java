package catapult.cli;

import catapult.lang.errors.CatapultError;
import catapult.lang.session.FileAccess;
import catapult.lang.session.InterruptMode;
import catapult.lang.session.Session;
import catapult.lang.session.SessionSettings;
import catapult.lang.syntax.Parser;
import catapult.lang.syntax.SourceFile;
import catapult.lang.value.Printer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The `catapult` command: `run file.cat [--set name=value]`, `-e code`, `bench`, `docs`, and
 * with no arguments the REPL. User errors print as `file:line:col: message` with the source
 * line and a caret; exit codes: 0 ok, 64 usage, 65 syntax, 66 missing file, 70 runtime, 130
 * interrupted.
 */
public final class Main {
    public static final String VERSION = "0.1.0";
    static final int EX_USAGE = 64, EX_NOINPUT = 66;

    private final PrintStream out;
    private final PrintStream err;

    public Main(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true, StandardCharsets.UTF_8);
        int code = new Main(out, err).execute(args);
        out.flush();
        System.exit(code);
    }

    /** Runs one command line; returns the exit code. */
    public int execute(String[] args) {
        if (args.length == 0) return repl();
        switch (args[0]) {
            case "-h", "--help", "help": out.println(usage()); return 0;
            case "-v", "--version", "version": out.println("catapult " + VERSION); return 0;
            case "-e": return args.length < 2 ? usageError("-e needs code") : eval(args[1]);
            case "run": return args.length < 2 ? usageError("run needs a file") : run(args);
            case "docs": return Docs.write(Path.of(args.length > 1 ? args[1] : "docs/builtins.md"), out, err);
            case "bench": return BenchCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length), out, err);
            case "jupyter": return JupyterLink.run(java.util.Arrays.copyOfRange(args, 1, args.length), out, err);
            default:
                if (args[0].endsWith(".cat")) return run(new String[] {"run", args[0]});
                return usageError("unknown command '" + args[0] + "'");
        }
    }

    static String usage() {
        return String.join("\n",
                "catapult " + VERSION + " - experiments on the training dynamics of wide networks",
                "",
                "usage:",
                "  catapult                          start the REPL",
                "  catapult run FILE.cat [--set NAME=VALUE ...] [--profile]",
                "                                    run a script; --set replaces a top-level `let NAME = ...`.",
                "                                    A .cat script is your own code: it may read and write files.",
                "                                    Ctrl-C stops the current train/sweep/loop and the script goes on;",
                "                                    Ctrl-C twice within 3 s ends it (exit 130);",
                "                                    --profile prints where the time went (call sites, engine phases) on stderr",
                "  catapult run FILE.py | FILE.js    run a Python or JavaScript host script (GraalVM, sandboxed)",
                "      --allow-io                    let guest Python/JavaScript code (host scripts, js(), python())",
                "                                    use files, processes, threads, the environment and Java classes",
                "      --allow-dir DIR               let guest code read and write files under DIR through Catapult",
                "                                    (its catapult object: eval, run, readers, save); repeatable",
                "      --guest-timeout SECONDS       stop any one call into guest code (a js()/python() call, or the",
                "                                    whole .py/.js script) after SECONDS; guest memory is always guarded",
                "  catapult -e CODE                  run code given on the command line",
                "  catapult bench                    print the performance benchmark as JSON",
                "  catapult docs [FILE]              regenerate the built-in reference (docs/builtins.md)",
                "  catapult jupyter install [--user | --prefix DIR]",
                "                                    write the `catapult` Jupyter kernelspec (user data dir by default)",
                "  catapult --help | --version",
                "",
                "exit codes: 0 ok, 64 usage, 65 syntax error, 66 missing file, 70 runtime error, 130 interrupted");
    }

    private int usageError(String message) {
        err.println("catapult: " + message);
        err.println("try 'catapult --help'");
        return EX_USAGE;
    }

    Session newSession(SessionSettings settings) {
        Session session = Session.standard(settings);
        CliTerminal.install(session, err);
        return session;
    }

    private SessionSettings defaults() {
        return SessionSettings.defaults().withOut(out).withErr(err);
    }

    private int eval(String code) {
        Session session = newSession(defaults());
        return guarded(() -> session.run(new SourceFile("<-e>", code)));
    }

    private int run(String[] args) {
        Path file = Path.of(args[1]);
        Map<String, Object> overrides = new LinkedHashMap<>();
        boolean allowIo = false;
        Duration guestTimeout = null;
        List<Path> allowedDirs = new ArrayList<>();
        boolean profile = false;
        for (int i = 2; i < args.length; i++) {
            if (args[i].equals("--allow-io")) {
                allowIo = true;
            } else if (args[i].equals("--profile")) {
                profile = true;
            } else if (args[i].equals("--allow-dir") && i + 1 < args.length) {
                Path dir = Path.of(args[++i]);
                if (!Files.isDirectory(dir)) return usageError("--allow-dir: " + dir + " is not a directory");
                allowedDirs.add(dir);
            } else if (args[i].equals("--guest-timeout") && i + 1 < args.length) {
                guestTimeout = seconds(args[++i]);
                if (guestTimeout == null) return usageError("--guest-timeout expects a positive number of seconds, got '" + args[i] + "'");
            } else if (args[i].equals("--set") && i + 1 < args.length) {
                String kv = args[++i];
                int eq = kv.indexOf('=');
                if (eq <= 0) return usageError("--set expects NAME=VALUE, got '" + kv + "'");
                overrides.put(kv.substring(0, eq), parseValue(kv.substring(eq + 1)));
            } else if (args[i].startsWith("--set=")) {
                return usageError("write --set NAME=VALUE");
            } else {
                return usageError("unexpected argument '" + args[i] + "'");
            }
        }
        if (!Files.isRegularFile(file)) {
            err.println("catapult: " + file + ": no such file");
            return EX_NOINPUT;
        }
        String name = file.getFileName().toString();
        SessionSettings settings = defaults().withGuestIo(allowIo).withGuestTimeout(guestTimeout)
                .withGuestFiles(allowIo ? FileAccess.UNRESTRICTED : FileAccess.confinedTo(allowedDirs));
        if (name.endsWith(".py") || name.endsWith(".js")) return GuestScripts.run(file, settings);
        Session session = newSession(settings.withInterruptMode(InterruptMode.STOP_CURRENT_WORK));
        session.setOverrides(overrides);
        catapult.repl.ProfileReport report = profile ? catapult.repl.ProfileReport.start() : null;
        try (ScriptInterrupts interrupts = ScriptInterrupts.install(session, out, err)) {
            return guarded(() -> session.runFile(file));
        } finally {
            if (report != null) {
                out.flush();
                err.print(report.finish());
                err.flush();
            }
        }
    }

    /** A positive number of seconds, or null. */
    private static Duration seconds(String text) {
        try {
            double s = Double.parseDouble(text);
            return s > 0 && s < 1e9 ? Duration.ofNanos((long) (s * 1e9)) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A --set value: a Catapult literal/expression when it parses and evaluates, else the raw string. */
    private Object parseValue(String text) {
        try {
            if (Parser.completeness(text) == Parser.Completeness.COMPLETE) {
                return Session.standard(defaults()).run(new SourceFile("<--set>", text));
            }
        } catch (CatapultError e) {
            // not an expression: a bare word such as small
        }
        return text;
    }

    private int guarded(Runnable body) {
        try {
            body.run();
            return 0;
        } catch (CatapultError e) {
            out.flush();
            err.println(e.format());
            return e.exitCode();
        } catch (RuntimeException | StackOverflowError e) {
            out.flush();
            err.println("catapult: internal error, please report it: " + e);
            e.printStackTrace(err);
            return 70;
        }
    }

    /** The JLine REPL in a terminal; on piped input the same REPL reading plain lines. */
    private int repl() {
        if (ReplLauncher.tryStart(this)) return 0;
        try {
            return catapult.repl.Repl.startPiped(System.in, out, new catapult.repl.InterpreterSession(newSession(defaults())));
        } catch (IOException e) {
            err.println("catapult: " + e.getMessage());
            return 74;
        }
    }

}
