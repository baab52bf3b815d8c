package catapult.engine.limits;

/**
 * The limit kernels of one dense group's pre-activation, n x n row-major over the data: the NNGP
 * covariance sigma and the tangent kernel theta. A group whose neurons differ in a way that does
 * not average out (random edge masks over a fixed number of input features) has several
 * components, one per mask, each with its probability {@code weight}.
 */
record KernelComponent(double weight, double[] sigma, double[] theta) {}
