/**
 * Infinite-width limits of DAG networks under the NTK parameterization: the NNGP kernel (the
 * covariance of the outputs at initialization) and the neural tangent kernel, computed from the
 * architecture alone by the layer-wise recursion.
 *
 * <pre>{@code
 * ArchGraph g = builder.graph();                       // what an arch body recorded
 * INDArray k = InfiniteWidthKernels.of(g, x, 1.0, InfiniteWidthKernels.Kind.NTK);   // nk x nk
 * }</pre>
 *
 * Each dense group's pre-activation is a centered Gaussian process in the limit; a node's neuron
 * is a sum of activations of linear combinations of them ({@link catapult.engine.limits.NeuronFeature}),
 * so every kernel is a two-dimensional Gaussian expectation ({@code GaussianPairs}). The
 * {@link catapult.engine.limits.NtkDistance} tracker compares a training model's kernel with it.
 */
package catapult.engine.limits;
