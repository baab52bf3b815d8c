package catapult.engine.data;

/**
 * A data file that cannot be read as asked: missing, truncated, wrong magic number, wrong dtype,
 * label count mismatch, unknown class. Exists so that every reader reports bad input the same
 * way, as a user error whose message names the reader, the file and what is wrong, which the
 * interpreter turns into a positioned diagnostic (never a stack trace).
 */
public class DataFormatException extends IllegalArgumentException {

    /** @param reader the reader's name, e.g. "mnist"; @param file the path; @param problem what is wrong */
    public DataFormatException(String reader, String file, String problem) {
        super(reader + ": " + file + ": " + problem);
    }

    /** A problem that is not tied to one file (e.g. options that do not fit the data). */
    public DataFormatException(String message) {
        super(message);
    }
}
