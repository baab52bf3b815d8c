/**
 * The numerical engine, a plain Java library on ND4J that never imports the language: networks
 * as DAGs of neuron groups (graph), their differentiation by forward, Taylor-jet and reverse
 * passes (autodiff), the linear and quadratic models (models), kernels, spectra and AGOP
 * (kernels), training, sweeps and run series (train), data sets and readers (data), tables and
 * their text and JSON forms (table), plots (plot) and the benchmark against the PyTorch peer
 * (bench). {@link catapult.engine.SeededDraws} makes random arrays that depend on the seed alone.
 * New arrays take the running session's precision from {@code catapult.numerics.Precision}.
 */
package catapult.engine;
