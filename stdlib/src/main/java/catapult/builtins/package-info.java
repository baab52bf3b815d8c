/**
 * The built-ins that expose the engine to the language, registered in the one registry through
 * {@code BuiltinProvider}s: tensors and math ({@code TensorBuiltins}, {@code MathBuiltins}),
 * architectures, networks and their Taylor models ({@code GraphBuiltins}: input, dense, conv,
 * activations, init, linear, quadratic, copy), data ({@code
 * DataBuiltins}, {@code ReaderBuiltins}), kernels and spectra ({@code KernelBuiltins}), AGOP ({@code
 * AgopBuiltins}), optimizers and schedules ({@code OptimizerBuiltins}), training, sweeps and tables
 * ({@code TrainingBuiltins}), plots ({@code PlotBuiltins}) and files ({@code IoBuiltins}).
 *
 * <p>This is the only package that binds the engine (catapult.engine.*) to language types: the
 * language values wrapping engine objects live here too ({@code ModelValue}, {@code DatasetValue},
 * {@code RunValue}, {@code TableValue}, {@code PlotValue}, ...). Argument checking happens here,
 * once, through the registry's typed parameters; engine exceptions about engine invariants become
 * positioned errors at the call site.
 */
package catapult.builtins;
