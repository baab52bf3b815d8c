/**
 * DAG networks: {@link catapult.engine.graph.GraphBuilder} records neuron groups (one call per
 * DSL builder) and compiles them into a {@link catapult.engine.graph.Network}, the model that
 * {@code init(arch)} returns.
 *
 * <pre>{@code
 * GraphBuilder g = new GraphBuilder();
 * Node h = g.activation(g.dense(g.input(100), 1024), Activation.RELU);
 * g.output(g.dense(h, 1));
 * Network net = g.build(0, 1.0, "ntk");        // seed, std, "ntk" | "standard"
 * try (Model.Pass p = net.forward(x)) {        // x: n x 100
 *     INDArray grad = p.vjp(residual);         // J^T residual, length net.paramCount()
 * }
 * INDArray k = net.structuredNtk(x);           // n x n (nk x nk, row i*k + a), J never formed
 * }</pre>
 *
 * Flat parameter layout: groups in creation order; dense weights row-major units x fanin (only
 * surviving edges when dropped), then biases; conv kH x kW x cin x cout, then biases; frozen
 * groups are not parameters. Network facts of the thesis (width Def. 2.2.7, depth) come from
 * {@code Topology}.
 */
package catapult.engine.graph;
