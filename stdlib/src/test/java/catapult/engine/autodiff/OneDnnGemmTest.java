package catapult.engine.autodiff;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import catapult.engine.SeededDraws;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * On x86-64 the build puts oneDNN on the class path and the engine's float32 products go through
 * it (BlasTest checks every operand layout against Nd4j.gemm whichever library serves them); this
 * test keeps the build from silently falling back to the slower OpenBLAS path there.
 */
class OneDnnGemmTest {

    @Test
    void oneDnnServesFloatProductsOnX8664() {
        String arch = System.getProperty("os.arch");
        assumeTrue(arch.equals("amd64") || arch.equals("x86_64"), "oneDNN is only shipped for x86-64");
        assertTrue(OneDnnGemm.available(), "oneDNN should load on x86-64 (see stdlib/pom.xml, profile onednn)");
    }

    @Test
    void agreesWithOpenBlasOnTheEngineShapes() {
        assumeTrue(OneDnnGemm.available());
        INDArray x = SeededDraws.normal(1, DataType.FLOAT, 128, 100);
        INDArray w = SeededDraws.normal(2, DataType.FLOAT, 1024, 100);
        INDArray viaEngine = Blas.gemm(x, w, Nd4j.create(DataType.FLOAT, 128, 1024), false, true, 0.5, 0.0);
        INDArray viaNd4j = Nd4j.gemm(x, w, Nd4j.create(DataType.FLOAT, 128, 1024), false, true, 0.5, 0.0);
        double err = viaEngine.sub(viaNd4j).amaxNumber().doubleValue() / viaNd4j.amaxNumber().doubleValue();
        assertTrue(err < 1e-5, "relative difference " + err);
    }
}
