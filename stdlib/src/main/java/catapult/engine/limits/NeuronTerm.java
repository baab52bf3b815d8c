package catapult.engine.limits;

/** coef * phi(arg): one summand of what a neuron computes from Gaussian pre-activations. */
record NeuronTerm(double coef, GaussianSum arg, ActivationChain act) {

    boolean linear() { return act.isIdentity(); }
}
