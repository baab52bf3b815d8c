package catapult.engine.autodiff;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import org.bytedeco.javacpp.FloatPointer;

/**
 * oneDNN's float32 matrix product ({@code dnnl_sgemm}, row-major) for {@link Blas}. It exists
 * because, measured on the engine's shapes (n x 100 by 100 x 1024, their transposes, 1024^3),
 * oneDNN's JIT kernels run 1.5-2.3x faster than the OpenBLAS that ND4J ships: it uses the
 * CPU's AVX-512 where that OpenBLAS takes the Haswell kernels. oneDNN is bound through a method
 * handle, so the engine builds and runs on platforms without it (OpenBLAS alone there), and
 * {@code -Dcatapult.engine.onednn=false} turns it off.
 */
final class OneDnnGemm {
    private static final MethodHandle SGEMM = find();
    private static volatile boolean enabled = SGEMM != null;

    private OneDnnGemm() {}

    /** Whether float32 products go through oneDNN: it was found, loads on this machine and is on. */
    static boolean available() { return enabled; }

    /** Turns oneDNN on or off (on only where it loads); returns the previous state. For tests of both paths. */
    static boolean use(boolean on) {
        boolean was = enabled;
        enabled = on && SGEMM != null;
        return was;
    }

    /** C = alpha op(A) op(B) + beta C, all row-major with leading dimensions lda, ldb, ldc. */
    static void sgemm(boolean transA, boolean transB, long m, long n, long k, float alpha, FloatPointer a, long lda,
                      FloatPointer b, long ldb, float beta, FloatPointer c, long ldc) {
        int status;
        try {
            status = (int) SGEMM.invokeExact((byte) (transA ? 'T' : 'N'), (byte) (transB ? 'T' : 'N'), m, n, k, alpha,
                    a, lda, b, ldb, beta, c, ldc);
        } catch (Throwable e) {
            throw new IllegalStateException("oneDNN sgemm failed: " + e, e);
        }
        if (status != 0) throw new IllegalStateException("oneDNN sgemm failed with status " + status);
    }

    private static MethodHandle find() {
        if (!Boolean.parseBoolean(System.getProperty("catapult.engine.onednn", "true"))) return null;
        try {
            Class<?> dnnl = Class.forName("org.bytedeco.dnnl.global.dnnl");
            return MethodHandles.publicLookup().findStatic(dnnl, "dnnl_sgemm", MethodType.methodType(int.class,
                    byte.class, byte.class, long.class, long.class, long.class, float.class, FloatPointer.class, long.class,
                    FloatPointer.class, long.class, float.class, FloatPointer.class, long.class));
        } catch (Throwable e) {
            return null;   // not on the class path, or its native library does not load here: OpenBLAS does the products
        }
    }
}
