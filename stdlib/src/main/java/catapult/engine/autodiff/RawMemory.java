package catapult.engine.autodiff;

import java.lang.ref.WeakReference;
import java.lang.reflect.Field;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Plain loads and stores on the off-heap memory of ND4J arrays, for the engine's fused loops.
 * Exists because one ND4J op costs 5-15 us of dispatch, while a small step's elementwise work is
 * 1-3 us as a Java loop over the same memory; {@link Fused} uses it only after checking that
 * every array is a contiguous float or double array, so no access leaves an array's buffer.
 */
final class RawMemory {
    private static final sun.misc.Unsafe UNSAFE = unsafe();

    private RawMemory() {}

    /** Whether loops may run on x's memory: float or double, non-empty, contiguous in c order. */
    static boolean usable(INDArray x) {
        DataType t = x.dataType();
        if (t != DataType.FLOAT && t != DataType.DOUBLE) return false;
        if (x.isEmpty()) return false;
        if (x.length() == 1) return true;
        return (x.rank() <= 1 || x.ordering() == 'c') && x.elementWiseStride() == 1;
    }

    /**
     * The address of x's first element. The address of x's buffer is remembered (asking ND4J
     * for it costs about a microsecond, which a small step pays some twenty times); the entry
     * holds the buffer weakly, so it never outlives it. Arrays must not be used after close.
     */
    static long address(INDArray x) {
        DataBuffer data = x.data();
        long width = x.dataType().width();
        return base(data, width) + (x.offset() - data.offset()) * width;
    }

    /** A typed JavaCPP pointer to x's first element, for BLAS calls. */
    static Pointer pointer(INDArray x) {
        long at = address(x);
        return x.dataType() == DataType.FLOAT ? new FloatPointer(new At(at)) : new DoublePointer(new At(at));
    }

    private static long base(DataBuffer data, long width) {
        int slot = System.identityHashCode(data) & (BASES.length - 1);
        Base known = BASES[slot];
        if (known != null && known.data.get() == data) return known.address;
        Pointer p = data.addressPointer();
        long address = p.address() + p.position() * width;
        BASES[slot] = new Base(new WeakReference<>(data), address);
        return address;
    }

    /** A remembered buffer address (immutable, so racing threads see whole entries). */
    private record Base(WeakReference<DataBuffer> data, long address) {}

    private static final Base[] BASES = new Base[1024];

    /** A pointer at a raw address, to build typed pointers from. */
    private static final class At extends Pointer {
        At(long address) { this.address = address; }
    }

    /** The address a typed JavaCPP pointer passes to native code (its address plus its position). */
    static long address(Pointer p) {
        long size = p instanceof FloatPointer ? Float.BYTES : p instanceof DoublePointer ? Double.BYTES : 1;
        return p.address() + p.position() * size;
    }

    static float getFloat(long address, long i) { return UNSAFE.getFloat(address + (i << 2)); }

    static void putFloat(long address, long i, float v) { UNSAFE.putFloat(address + (i << 2), v); }

    static double getDouble(long address, long i) { return UNSAFE.getDouble(address + (i << 3)); }

    static void putDouble(long address, long i, double v) { UNSAFE.putDouble(address + (i << 3), v); }

    /** Copies {@code bytes} bytes between two off-heap ranges. */
    static void copy(long from, long to, long bytes) { UNSAFE.copyMemory(from, to, bytes); }

    private static sun.misc.Unsafe unsafe() {
        try {
            Field f = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
            f.setAccessible(true);
            return (sun.misc.Unsafe) f.get(null);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
