package catapult.engine.models;

import catapult.engine.autodiff.OpProgram;
import catapult.engine.autodiff.Tape;
import catapult.engine.graph.Inputs;
import catapult.engine.graph.Network;
import catapult.engine.graph.StructuredNtk;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The Neural Quadratic Model f_quad(w) = f(w0) + J(w0) D + 1/2 D' H_f(w0) D with D = w - w0
 * (thesis Eq. 3.2). Second-order Taylor jets along D through the network at w0 give all three
 * terms in about three forward passes, and one reverse pass through that computation gives
 * J^T r + (sum_i r_i H_i) D. Forward values at w0 are cached; the Hessian is never formed and
 * memory stays O(n * neurons).
 */
public final class QuadraticModel extends TaylorModel {

    /** Expands {@code net} at its parameters now. */
    public QuadraticModel(Network net) {
        this(net, new ExpansionPoint(net.program(), net.params().dup()), net.params().dup());
    }

    /**
     * The model of {@code base} expanded at {@code w0} with current parameters {@code params}
     * (both kept, not copied): how a saved or shipped model is rebuilt.
     */
    public static QuadraticModel restore(Network base, INDArray w0, INDArray params) {
        return new QuadraticModel(base, new ExpansionPoint(base.program(), w0), params);
    }

    private QuadraticModel(Network base, ExpansionPoint at, INDArray params) {
        super(base, at, params);
    }

    @Override
    public INDArray predict(INDArray x) {
        try (QuadPass p = new QuadPass(x)) {
            return p.output().dup();
        }
    }

    @Override
    public Pass forward(INDArray x) { return new QuadPass(x); }

    /** d/ds f_quad(w + s v) at s = 0, exact by symmetric difference since f_quad is quadratic. */
    @Override
    public INDArray jvp(INDArray x, INDArray v) {
        double vn = v.norm2Number().doubleValue();
        if (vn == 0.0) return new QuadPass(x).output().mul(0.0);
        double s = Math.max(1.0, params.sub(at.w0()).norm2Number().doubleValue()) / vn;
        INDArray step = v.mul(s);
        INDArray plus = valueAt(x, params.add(step));
        INDArray minus = valueAt(x, params.sub(step));
        return plus.subi(minus).divi(2.0 * s);
    }

    /** (sum c H_f(w0)) v: the Hessian of f_quad is H_f(w0) everywhere. */
    @Override
    public INDArray hvp(INDArray x, INDArray cotangent, INDArray v) {
        Tape t = at.tape(x);
        at.tangents(t, v, false, null);
        INDArray c = Inputs.cotangent(cotangent, t.n, outputCount());
        return at.program().reverse(t, at.w0(), v, null, c, false, null).params().muli(0.5);
    }

    /** The NTK of f_quad at the current parameters: rows J_i + H_i D (nk x nk, example-major). */
    public INDArray structuredNtk(INDArray x) {
        OpProgram p = at.program();
        INDArray delta = params.sub(at.w0());
        INDArray k = StructuredNtk.of(p, at.w0(), delta, Inputs.flatten(x, p.inputSize()), true);
        delta.close();
        return k;
    }

    @Override
    public Model copy() { return new QuadraticModel(base, new ExpansionPoint(at.program(), at.w0()), params.dup()); }

    @Override
    public Model withParams(INDArray w) {
        if (w.length() != paramCount()) {
            throw new IllegalArgumentException("the parameter vector must have length " + paramCount()
                    + ", got " + w.length());
        }
        return new QuadraticModel(base, new ExpansionPoint(at.program(), at.w0()),
                w.castTo(params.dataType()).reshape(paramCount()).dup());
    }

    @Override
    public String describe() { return "quadratic(" + base.describe() + ")"; }


    private INDArray valueAt(INDArray x, INDArray w) {
        INDArray keep = params.dup();
        params.assign(w);
        try {
            return predict(x);
        } finally {
            params.assign(keep);
            keep.close();
        }
    }

    /** f_quad on one input with the jets kept for its reverse pass. */
    private final class QuadPass implements Pass {
        private final INDArray x;
        private final INDArray delta;
        private final INDArray y;
        private boolean closed;

        QuadPass(INDArray x) {
            this.x = x;
            this.delta = takeDelta();
            Tape t = at.tape(x);
            at.tangents(t, delta, true, this);
            OpProgram p = at.program();
            y = p.outputCopy(t, t.a);
            INDArray b = p.output(t, t.b);
            INDArray c = p.output(t, t.c);
            if (b != null) y.addi(b);
            if (c != null) y.addi(c.mul(0.5));
        }

        @Override public INDArray output() { return y; }

        /** J^T c + (sum c H) D: reverse through the jets with cotangents (c, c/2). */
        @Override
        public INDArray vjp(INDArray cotangent) {
            Tape t = at.tape(x);
            at.tangents(t, delta, true, this);
            INDArray c = Inputs.cotangent(cotangent, t.n, outputCount());
            INDArray half = c.mul(0.5);
            INDArray g = at.program().reverse(t, at.w0(), delta, c, half, false, null).params();
            half.close();
            return g;
        }

        @Override
        public void vjpInto(INDArray cotangent, INDArray out) {
            Tape t = at.tape(x);
            at.tangents(t, delta, true, this);
            INDArray c = Inputs.cotangent(cotangent, t.n, outputCount());
            INDArray half = c.mul(0.5);
            at.program().reverseInto(t, at.w0(), delta, c, half, out);
            half.close();
        }

        @Override
        public INDArray inputVjp(INDArray cotangent) {
            throw new UnsupportedOperationException("input gradients of a quadratic model are not supported");
        }

        @Override
        public void close() {
            if (closed) return;
            closed = true;
            giveDelta(delta);
            y.close();
        }
    }
}
