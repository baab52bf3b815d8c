package catapult.engine.autodiff;

import java.util.Locale;

/**
 * The one switch between the engine's CPU fast path and its generic path. By default dense
 * products call OpenBLAS directly and small elementwise steps run as fused Java loops over the
 * arrays' own memory; with {@code -Dcatapult.engine.generic=true} (or the environment variable
 * {@code CATAPULT_ENGINE_GENERIC=true}) every operation goes through ND4J's generic ops, the
 * code path an accelerator backend of ND4J executes. Read once, here, at class initialization;
 * both paths compute the same values (the oracle tests run in both modes).
 */
public final class EngineMode {
    /** The system property that selects the generic path. */
    public static final String PROPERTY = "catapult.engine.generic";

    private static final boolean GENERIC = read();

    private EngineMode() {}

    /** True when everything runs through ND4J's generic ops. */
    public static boolean generic() { return GENERIC; }

    /** "direct" or "generic", for benchmark reports. */
    public static String describe() { return GENERIC ? "generic (ND4J ops only)" : "direct (OpenBLAS + fused loops)"; }

    private static boolean read() {
        String v = System.getProperty(PROPERTY);
        if (v == null) v = System.getenv("CATAPULT_ENGINE_GENERIC");
        return v != null && (v.trim().toLowerCase(Locale.ROOT).equals("true") || v.trim().equals("1"));
    }
}
