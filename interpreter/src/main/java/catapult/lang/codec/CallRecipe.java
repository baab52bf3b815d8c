package catapult.lang.codec;

import catapult.lang.builtins.Builtin;
import catapult.lang.errors.RuntimeError;
import catapult.lang.session.Session;
import catapult.lang.syntax.Span;
import catapult.numerics.Precision;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * A built-in call as it was made: the built-in's name, the arguments the caller passed (variadic
 * ones positionally, the rest by name) and the precision of the session that made it. Calling
 * it again in another session rebuilds the same value there.
 */
public record CallRecipe(String builtin, List<Object> positional, Map<String, Object> named, DataType precision) {

    /** Calls the built-in again in {@code session}, under the recorded precision. */
    public Object replay(Session session, Span site) {
        Builtin b = session.registry().get(builtin);
        if (b == null) throw new RuntimeError("cannot rebuild a value made by '" + builtin + "': this session has no such built-in", site);
        return Precision.with(precision, () -> b.call(session.evaluator(), positional, named, site));
    }
}
