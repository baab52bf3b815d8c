package catapult.builtins;

import catapult.lang.builtins.Args;
import catapult.lang.builtins.Cancellation;
import catapult.lang.session.Session;
import catapult.lang.value.Tensors;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The session's random generator. Draws with an explicit seed are independent of it; draws
 * without one advance it, so a script run twice gives the same numbers (seed 0 by default,
 * `seed(s)` to change).
 */
public final class RandomBuiltins {
    /** The session's generator, kept as the session's extension state. */
    private static final class SessionDraws {
        volatile SplittableRandom generator;

        SessionDraws(long seed) { generator = new SplittableRandom(seed); }
    }

    private RandomBuiltins() {}

    public static void setSeed(Session session, long seed) {
        session.extension(SessionDraws.class, s -> new SessionDraws(seed)).generator = new SplittableRandom(seed);
    }

    /** The generator for a call: a fresh one for an explicit `seed:` argument, else the session's. */
    public static SplittableRandom generator(Args a, String seedParam) {
        if (!a.isNone(seedParam)) return new SplittableRandom(a.longValue(seedParam));
        return session(a.session());
    }

    /** The session generator itself. */
    public static SplittableRandom session(Session session) {
        return session.extension(SessionDraws.class, s -> new SessionDraws(0)).generator;
    }

    /** A seed derived from the session generator, for engine calls that take a long seed. */
    public static long nextSeed(Args a, String seedParam) {
        return a.isNone(seedParam) ? session(a.session()).nextLong() : a.longValue(seedParam);
    }

    static INDArray normal(Args a, long[] shape) {
        SplittableRandom g = generator(a, "seed");
        double[] v = new double[Math.toIntExact(length(shape))];
        for (int i = 0; i < v.length; i++) {
            Cancellation.poll(i);
            v[i] = g.nextGaussian();
        }
        return Nd4j.create(v, shape, Tensors.dtype());
    }

    static INDArray uniform(Args a, long[] shape) {
        SplittableRandom g = generator(a, "seed");
        double[] v = new double[Math.toIntExact(length(shape))];
        for (int i = 0; i < v.length; i++) {
            Cancellation.poll(i);
            v[i] = g.nextDouble();
        }
        return Nd4j.create(v, shape, Tensors.dtype());
    }

    private static long length(long[] shape) {
        long n = 1;
        for (long s : shape) n *= s;
        return n;
    }
}
