package catapult.cpython;

import java.util.List;
import java.util.Map;

/**
 * Implemented in Python (a JPype proxy) to let Catapult code call a Python function:
 * a regression target, an lr schedule, an {@code until} predicate.
 */
public interface PythonCallback {
    /** Calls the Python function with language values; returns a language value. */
    Object invoke(List<Object> args, Map<String, Object> named);
}
