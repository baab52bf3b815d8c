package catapult.engine.kernels;

import catapult.engine.models.Model;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A linear operator that holds a recorded forward pass (NTK- or loss-Hessian-vector products
 * reuse it for every product). Closing it frees the pass's off-heap buffers instead of leaving
 * them to the garbage collector, which matters when operators are rebuilt at every tracked step.
 */
public final class PassOperator implements LinearOperator, AutoCloseable {

    private final Model.Pass pass;
    private final LinearOperator products;

    PassOperator(Model.Pass pass, LinearOperator products) {
        this.pass = pass;
        this.products = products;
    }

    @Override
    public INDArray apply(INDArray v) {
        return products.apply(v);
    }

    @Override
    public void applyInto(INDArray v, INDArray out) {
        products.applyInto(v, out);
    }

    @Override
    public void close() {
        pass.close();
    }
}
