package catapult.numerics;

import java.util.function.Supplier;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The floating-point type that new tensors, datasets, networks and models get on the current
 * thread: float32 unless the running session switched to float64 with {@code precision(64)}.
 *
 * <p>Why it exists: precision belongs to a session, and several sessions may run in one JVM at
 * once (parallel sweeps, a notebook next to a script, sessions of an embedding host). ND4J's own
 * default type is one global of the JVM, so Catapult never changes it; the engine and the
 * language read this per-thread value instead, and a session installs its own around every
 * evaluation it runs ({@link #with}).
 */
public final class Precision {
    private static final ThreadLocal<DataType> CURRENT = ThreadLocal.withInitial(() -> DataType.FLOAT);

    private Precision() {}

    /** The floating-point type for new arrays on this thread. */
    public static DataType dtype() { return CURRENT.get(); }

    /** Sets this thread's type; returns the previous one. */
    public static DataType set(DataType type) {
        DataType previous = CURRENT.get();
        CURRENT.set(checked(type));
        return previous;
    }

    /** Runs body with this thread's type set to {@code type}, restoring the previous type after. */
    public static <T> T with(DataType type, Supplier<T> body) {
        DataType previous = set(type);
        try {
            return body.get();
        } finally {
            CURRENT.set(previous);
        }
    }

    /** 32 -> FLOAT, 64 -> DOUBLE. */
    public static DataType ofBits(int bits) {
        if (bits == 32) return DataType.FLOAT;
        if (bits == 64) return DataType.DOUBLE;
        throw new IllegalArgumentException("precision must be 32 or 64 bits, got " + bits);
    }

    /** FLOAT -> 32, DOUBLE -> 64. */
    public static int bits(DataType type) { return type == DataType.DOUBLE ? 64 : 32; }

    private static DataType checked(DataType type) {
        if (type != DataType.FLOAT && type != DataType.DOUBLE) {
            throw new IllegalArgumentException("precision must be float32 or float64, got " + type);
        }
        return type;
    }
}
