package catapult.repl;

import catapult.builtins.TerminalHost;
import catapult.lang.builtins.Builtin;
import catapult.lang.builtins.Param;
import catapult.lang.errors.CatapultError;
import catapult.lang.errors.Interrupted;
import catapult.lang.session.Session;
import catapult.lang.syntax.Parser;
import catapult.lang.syntax.SourceFile;
import catapult.lang.value.CatValue;
import catapult.lang.value.Printer;
import catapult.lang.value.Record;
import catapult.lang.value.Values;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** The thin adapter from the REPL's {@link ReplSession} to a language {@link Session}. */
public final class InterpreterSession implements ReplSession {
    /** LANGUAGE.md section 1. */
    static final Set<String> KEYWORDS = Set.of("let", "fn", "arch", "for", "in", "if", "else", "while",
            "return", "import", "and", "or", "not", "true", "false", "none");
    private static final int SUMMARY_WIDTH = 70;

    private final Session session;
    private final List<BuiltinDoc> docs;
    private TerminalHost terminal;
    private int entry;

    public InterpreterSession(Session session) {
        this.session = session;
        this.docs = session.registry().all().stream().map(InterpreterSession::doc).toList();
    }

    public static InterpreterSession standard() {
        return new InterpreterSession(Session.standard());
    }

    public Session session() {
        return session;
    }

    /** Gives builtins the terminal's progress bar and chart size; kept across :reset. */
    public void setTerminal(TerminalHost host) {
        this.terminal = host;
        TerminalHost.install(session, host);
    }

    @Override
    public Outcome evaluate(String source) {
        String name = "<repl:" + (++entry) + ">";
        return guarded(() -> session.run(new SourceFile(name, source)));
    }

    @Override
    public Outcome load(Path file) {
        return guarded(() -> session.runFile(file));
    }

    private Outcome guarded(Supplier<Object> body) {
        try {
            Object v = body.get();
            return new Outcome.Value(v == null ? "" : Printer.repr(v));
        } catch (Interrupted e) {
            return new Outcome.Interrupted("");
        } catch (CatapultError e) {
            return new Outcome.Failure(e.format());
        } finally {
            session.settings().out().flush();
        }
    }

    @Override
    public boolean isComplete(String source) {
        return Parser.completeness(source) != Parser.Completeness.INCOMPLETE;
    }

    @Override
    public Set<String> keywords() {
        return KEYWORDS;
    }

    @Override
    public List<BuiltinDoc> builtins() {
        return docs;
    }

    private static BuiltinDoc doc(Builtin b) {
        List<BuiltinDoc.Param> params = new ArrayList<>();
        for (Param p : b.params()) {
            String def = p.required() || p.variadic() ? null : Printer.repr(p.defaultValue());
            params.add(new BuiltinDoc.Param(p.name(), p.type().docName(), def, p.variadic(), p.doc()));
        }
        return new BuiltinDoc(b.name(), params, b.summary(), b.formula(), b.returns(), b.example(), b.reference(), b.category());
    }

    @Override
    public Map<String, String> categories() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String c : session.registry().categories()) out.put(c, session.registry().categoryHeader(c));
        return out;
    }

    @Override
    public Map<String, String> globals() {
        Map<String, String> out = new LinkedHashMap<>();
        session.userGlobals().forEach((name, value) -> out.put(name, summary(value)));
        return out;
    }

    /** One line: short values in full, long ones as their type and first line. */
    static String summary(Object value) {
        String repr = Printer.repr(value);
        String first = repr.lines().findFirst().orElse("");
        boolean multiLine = repr.contains("\n");
        if (!multiLine && first.length() <= SUMMARY_WIDTH) {
            return first;
        }
        String head = Values.typeName(value) + ": " + first;
        return head.length() <= SUMMARY_WIDTH ? head + (multiLine ? " …" : "") : head.substring(0, SUMMARY_WIDTH - 1) + "…";
    }

    @Override
    public List<String> fields(String dottedName) {
        String[] parts = dottedName.split("\\.");
        if (!session.hasGlobal(parts[0])) {
            return List.of();
        }
        Object v = session.getGlobal(parts[0]);
        for (int i = 1; i < parts.length && v != null; i++) {
            v = v instanceof CatValue c ? c.field(parts[i]) : null;
            v = v == CatValue.NO_FIELD ? null : v;
        }
        if (v instanceof Record r) {
            return List.copyOf(r.asMap().keySet());
        }
        return v instanceof CatValue c ? c.fieldNames() : List.of();
    }

    @Override
    public void interrupt() {
        session.requestInterrupt();
    }

    @Override
    public void reset() {
        session.reset();
        if (terminal != null) {
            TerminalHost.install(session, terminal);
        }
    }

    @Override
    public void setOutput(PrintWriter out) {
        session.setSettings(session.settings().withOut(new PrintStream(new WriterOutputStream(out), true, StandardCharsets.UTF_8)));
    }
}
