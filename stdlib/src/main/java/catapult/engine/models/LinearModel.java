package catapult.engine.models;

import catapult.engine.autodiff.Buffers;
import catapult.engine.autodiff.Tape;
import catapult.engine.graph.Inputs;
import catapult.engine.graph.Network;
import catapult.engine.graph.StructuredNtk;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The linearization f_lin(w) = f(w0) + J(w0)(w - w0) of a network at its current parameters
 * (thesis Eq. 2.9). Computed by first-order Taylor jets through the network at w0, whose
 * forward values are cached: a step costs one tangent and one reverse pass, and J is never
 * formed. Its tangent kernel is fixed at K(w0); its Hessian is zero.
 */
public final class LinearModel extends TaylorModel {

    /** Expands {@code net} at its parameters now (later changes to net do not affect this). */
    public LinearModel(Network net) {
        this(net, new ExpansionPoint(net.program(), net.params().dup()), net.params().dup());
    }

    /**
     * The model of {@code base} expanded at {@code w0} with current parameters {@code params}
     * (both kept, not copied): how a saved or shipped model is rebuilt.
     */
    public static LinearModel restore(Network base, INDArray w0, INDArray params) {
        return new LinearModel(base, new ExpansionPoint(base.program(), w0), params);
    }

    private LinearModel(Network base, ExpansionPoint at, INDArray params) {
        super(base, at, params);
    }

    @Override
    public INDArray predict(INDArray x) {
        Tape t = at.tape(x);
        INDArray delta = takeDelta();
        at.tangents(t, delta, false, null);
        INDArray y = at.program().outputCopy(t, t.a);
        INDArray b = at.program().output(t, t.b);
        if (b != null) y.addi(b);
        giveDelta(delta);
        return y;
    }

    @Override
    public Pass forward(INDArray x) {
        INDArray y = predict(x);
        return new Pass() {
            @Override public INDArray output() { return y; }

            @Override
            public INDArray vjp(INDArray cotangent) {
                Tape t = at.tape(x);
                INDArray c = Inputs.cotangent(cotangent, t.n, outputCount());
                return at.program().reverse(t, at.w0(), null, c, null, false, null).params();
            }

            @Override
            public void vjpInto(INDArray cotangent, INDArray out) {
                Tape t = at.tape(x);
                INDArray c = Inputs.cotangent(cotangent, t.n, outputCount());
                at.program().reverseInto(t, at.w0(), null, c, null, out);
            }

            /** grad_x of <c, f(x; w0) + J(x; w0) D>: the jet reverse's input cotangent. */
            @Override
            public INDArray inputVjp(INDArray cotangent) {
                Tape t = at.tape(x);
                INDArray delta = takeDelta();
                at.tangents(t, delta, false, null);
                INDArray c = Inputs.cotangent(cotangent, t.n, outputCount());
                INDArray half = c.mul(0.5);
                INDArray g = at.program().inputGradient(t, at.w0(), delta, c, half);
                giveDelta(delta);
                Buffers.release(half);
                return x.rank() == 2 ? g : g.reshape('c', x.shape());
            }

            @Override public void close() { y.close(); }
        };
    }

    @Override
    public INDArray jvp(INDArray x, INDArray v) {
        Tape t = at.tape(x);
        at.tangents(t, v, false, null);
        return at.program().outputCopy(t, t.b);
    }

    @Override
    public INDArray hvp(INDArray x, INDArray cotangent, INDArray v) {
        return Nd4j.zeros(params.dataType(), paramCount());
    }

    /** The NTK of the linear model: the network's kernel at w0 (nk x nk, example-major). */
    public INDArray structuredNtk(INDArray x) {
        return StructuredNtk.of(at.program(), at.w0(), null, Inputs.flatten(x, at.program().inputSize()), false);
    }

    @Override
    public Model copy() { return new LinearModel(base, new ExpansionPoint(at.program(), at.w0()), params.dup()); }

    @Override
    public Model withParams(INDArray w) {
        return new LinearModel(base, new ExpansionPoint(at.program(), at.w0()),
                w.castTo(params.dataType()).reshape(paramCount()).dup());
    }

    @Override
    public String describe() { return "linear(" + base.describe() + ")"; }

}
