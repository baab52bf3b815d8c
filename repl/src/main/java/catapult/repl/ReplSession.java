package catapult.repl;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the REPL needs from a language session, and nothing more: the REPL is written against
 * this narrow interface so its terminal handling can be tested without the interpreter, and an
 * adapter binds it to the real one. Implementations never throw for user errors; they return
 * a {@link Outcome.Failure} whose message is already formatted for display.
 */
public interface ReplSession {

    /** Evaluates one complete input in the session's global scope. */
    Outcome evaluate(String source);

    /** Runs a script file in the global scope (the REPL's {@code :load}). */
    Outcome load(Path file);

    /**
     * False when the input stops in the middle of a construct (an open brace, bracket, paren or
     * string): the REPL then asks for another line instead of reporting a syntax error.
     */
    boolean isComplete(String source);

    /** The language keywords, for completion and highlighting. */
    Set<String> keywords();

    /** Documentation of every builtin, sorted by name. */
    List<BuiltinDoc> builtins();

    /**
     * The builtins' categories in display order, each with its one-line description ("" for
     * none); {@code :help} lists the builtins under these headings.
     */
    default Map<String, String> categories() {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        builtins().forEach(b -> out.putIfAbsent(b.category(), ""));
        return out;
    }

    /** The global variables now in scope, each with a one-line description of its value. */
    Map<String, String> globals();

    /**
     * Fields and methods of the value of a dotted name such as {@code run} or {@code run.final},
     * for completion after a dot. Only looks names up (never evaluates calls); empty when unknown.
     */
    List<String> fields(String dottedName);

    /**
     * Asks the running evaluation to stop at its next check (Ctrl-C); called from another
     * thread. A training run stops at the next step and keeps what it has.
     */
    void interrupt();

    /** Forgets every binding made in this session. */
    void reset();

    /** Where {@code print} and other output of evaluated code goes. */
    void setOutput(PrintWriter out);
}
