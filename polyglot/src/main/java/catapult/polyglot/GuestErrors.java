package catapult.polyglot;

import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.SourceSection;
import org.graalvm.polyglot.Value;

/** Describes guest exceptions for Catapult diagnostics: the guest's message and where in guest code it arose. */
final class GuestErrors {
    private GuestErrors() {}

    /** "ZeroDivisionError: division by zero (at <python>:1:12)" */
    static String describe(PolyglotException e) {
        String message = headline(e);
        String where = location(e);
        return where.isEmpty() ? message : message + " (at " + where + ")";
    }

    /**
     * "Type: message". GraalJS reports every Error subclass as "Error: ..." in the exception
     * message, so for JavaScript error objects the name and message are read from the object.
     */
    static String headline(PolyglotException e) {
        if (e.isExit()) return "the guest code exited with status " + e.getExitStatus();
        Value error = e.isGuestException() ? e.getGuestObject() : null;
        if (error != null && error.hasMember("name") && error.hasMember("message")
                && error.getMember("name").isString() && error.getMember("message").isString()) {
            return error.getMember("name").asString() + ": " + error.getMember("message").asString();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /**
     * The innermost guest source position outside Catapult's own bridge and sandbox code,
     * "name:line:col", or "" when none is known.
     */
    static String location(PolyglotException e) {
        SourceSection s = e.getSourceLocation();
        if (s == null || isKit(s)) {
            s = null;
            for (PolyglotException.StackFrame f : e.getPolyglotStackTrace()) {
                if (f.isGuestFrame() && f.getSourceLocation() != null && !isKit(f.getSourceLocation())) {
                    s = f.getSourceLocation();
                    break;
                }
            }
        }
        if (s == null || !s.isAvailable()) return "";
        return s.getSource().getName() + ":" + s.getStartLine() + ":" + s.getStartColumn();
    }

    private static boolean isKit(SourceSection s) {
        return s.getSource().getName().equals(GuestContext.KIT_NAME);
    }
}
