package catapult.engine.graph;

import catapult.engine.autodiff.KernelSink;
import catapult.engine.autodiff.OpProgram;
import catapult.engine.autodiff.Tape;
import catapult.engine.models.Model;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

/**
 * A compiled DAG network with its flat parameter vector: the model {@code init(arch)} returns.
 *
 * <p>Flat layout: groups in creation order; a dense group stores its weights row-major as
 * units x fanin (neuron-major; fanin = its sources' features concatenated in the order listed;
 * only surviving edges, in that order, when edges were dropped), then its biases; a conv group
 * stores kH x kW x cin x cout, then cout biases. Frozen groups are not in the vector. For the
 * 2-layer net {@code dense(input(d), m)} then {@code dense(h, 1)} this is [U (m x d), v (m)].
 */
public final class Network implements Model {
    private final OpProgram program;
    private final Topology topology;
    private final INDArray params;
    private final INDArray initial;
    private final ArchGraph graph;
    private final Init init;
    private final PrimalCache primal = new PrimalCache();

    Network(OpProgram program, Topology topology, ArchGraph graph, Init init) {
        this(program, topology, graph, init, program.initialParams(), null);
    }

    private Network(OpProgram program, Topology topology, ArchGraph graph, Init init, INDArray params, INDArray initial) {
        this.program = program;
        this.topology = topology;
        this.graph = graph;
        this.init = init;
        this.params = params;
        this.initial = initial == null ? params.dup() : initial;
    }

    /** The architecture this network instantiates, symbolically (for its infinite-width limit). */
    public ArchGraph graph() { return graph; }

    /** The weight standard deviation given to init (NTK) or the bound multiplier (standard). */
    public double initStd() { return init.std(); }

    /** True for the NTK parameterization (thesis Def. 2.2.2), false for the standard one. */
    public boolean ntkParameterization() { return init.ntk(); }

    /** The compiled program (ops and passes), for engine code such as kernels. */
    public OpProgram program() { return program; }

    @Override public long paramCount() { return program.paramCount(); }

    @Override public int outputCount() { return program.outputSize(); }

    @Override
    public long[] inputShape() {
        List<catapult.engine.autodiff.Op> ops = program.ops();
        long[] only = null;
        int count = 0;
        for (catapult.engine.autodiff.Op op : ops) {
            if (op instanceof catapult.engine.autodiff.InputOp) { only = op.shape; count++; }
        }
        return count == 1 ? only.clone() : new long[]{program.inputSize()};
    }

    /** Flattened input features per example (all inputs together, in creation order). */
    public int inputs() { return program.inputSize(); }

    /** Number of outputs k. */
    public int outputs() { return program.outputSize(); }

    /** Thesis Def. 2.2.7: minimum in-degree over neurons outside the input and first layers. */
    public int width() { return topology.width(); }

    /** L: layers by longest path from the inputs (counting dense and conv groups). */
    public int depth() { return topology.depth(); }

    /** Smallest in-degree of any neuron (surviving edges). */
    public int indegreeMin() { return topology.indegreeMin(); }

    /** Largest in-degree of any neuron. */
    public int indegreeMax() { return topology.indegreeMax(); }

    /** One row per group: name, kind, shape, parameter count, in-degree (or min..max). */
    public List<GroupSummary> summary() { return topology.rows(); }

    @Override public INDArray params() { return params; }

    @Override public INDArray initialParams() { return initial; }

    @Override
    public INDArray predict(INDArray x) {
        try (Tape t = program.forward(Inputs.flatten(x, program.inputSize()), params)) {
            return program.outputCopy(t, t.a);
        }
    }

    @Override
    public Pass forward(INDArray x) {
        return new NetworkPass(program, params, x);
    }

    @Override
    public INDArray jvp(INDArray x, INDArray v) {
        checkVector(v, "tangent vector");
        synchronized (primal) {
            Tape t = primal.tape(program, x, params);
            program.tangents(t, params, v, false);
            return program.outputCopy(t, t.b);
        }
    }

    @Override
    public INDArray hvp(INDArray x, INDArray cotangent, INDArray v) {
        checkVector(v, "vector of the Hessian-vector product");
        synchronized (primal) {
            Tape t = primal.tape(program, x, params);
            program.tangents(t, params, v, false);
            INDArray c = Inputs.cotangent(cotangent, t.n, outputCount());
            return program.reverse(t, params, v, null, c, false, null).params().muli(0.5);
        }
    }

    /**
     * H_L v in one pass: tangents along v give Jv; the reverse with cotangents (g o Jv, r/2)
     * returns J'(g o Jv) + (sum r H) v.
     */
    @Override
    public INDArray lossHvp(INDArray x, INDArray r, INDArray g, INDArray v) {
        INDArray out = Nd4j.createUninitialized(params.dataType(), paramCount());
        lossHvpInto(x, r, g, v, out);
        return out;
    }

    /** {@link #lossHvp} written into {@code out} (length p, the parameters' dtype). */
    public void lossHvpInto(INDArray x, INDArray r, INDArray g, INDArray v, INDArray out) {
        checkVector(v, "vector of the loss Hessian-vector product");
        synchronized (primal) {
            Tape t = primal.tape(program, x, params);
            program.tangents(t, params, v, false);
            int k = outputCount();
            INDArray jv = program.outputCopy(t, t.b);
            INDArray bbar = jv.muli(Inputs.cotangent(g, t.n, k));
            INDArray cbar = Inputs.cotangent(r, t.n, k).mul(0.5);
            program.reverseInto(t, params, v, bbar, cbar, out);
            bbar.close();
            cbar.close();
        }
    }

    /**
     * The empirical NTK J J^T at the current parameters from one batched reverse pass
     * (docs/design.md, "The tangent kernel without the Jacobian"). For k outputs it is nk x nk, ordered example-major:
     * row i*k + a is output a of example i. Exact with masks, biases, frozen groups and multiple
     * sources; throws UnsupportedOperationException when the net has conv groups.
     */
    public INDArray structuredNtk(INDArray x) {
        return StructuredNtk.of(program, params, null, Inputs.flatten(x, program.inputSize()), false);
    }

    @Override
    public Model copy() { return new Network(program, topology, graph, init, params.dup(), initial); }

    @Override
    public Model withParams(INDArray w) {
        checkVector(w, "parameter vector");
        return new Network(program, topology, graph, init, w.castTo(params.dataType()).reshape(paramCount()).dup(), initial);
    }

    @Override
    public String describe() {
        return "network(params=" + paramCount() + ", width=" + width() + ", depth=" + depth() + ")";
    }

    @Override
    public String toString() { return describe(); }

    private void checkVector(INDArray v, String what) {
        if (v == null || v.length() != paramCount()) {
            throw new IllegalArgumentException("the " + what + " must have length " + paramCount()
                    + ", got " + (v == null ? "none" : String.valueOf(v.length())));
        }
    }

    /** A forward pass of a network; reverse passes reuse its tape. */
    private static final class NetworkPass implements Pass {
        private final OpProgram program;
        private final INDArray w;
        private final INDArray x;
        private final Tape tape;

        NetworkPass(OpProgram program, INDArray w, INDArray x) {
            this.program = program;
            this.w = w;
            this.x = x;
            this.tape = program.forward(Inputs.flatten(x, program.inputSize()), w);
        }

        @Override public INDArray output() { return program.output(tape, tape.a); }

        @Override
        public INDArray vjp(INDArray cotangent) {
            INDArray c = Inputs.cotangent(cotangent, tape.n, program.outputSize());
            return program.reverse(tape, w, null, c, null, false, null).params();
        }

        @Override
        public void vjpInto(INDArray cotangent, INDArray out) {
            INDArray c = Inputs.cotangent(cotangent, tape.n, program.outputSize());
            program.reverseInto(tape, w, null, c, null, out);
        }

        @Override
        public INDArray inputVjp(INDArray cotangent) {
            INDArray c = Inputs.cotangent(cotangent, tape.n, program.outputSize());
            INDArray g = program.inputGradient(tape, w, c);
            return x.rank() > 2 || x.rank() == 1 ? g.reshape('c', x.shape()) : g;
        }

        @Override public void close() { tape.close(); }
    }

}
