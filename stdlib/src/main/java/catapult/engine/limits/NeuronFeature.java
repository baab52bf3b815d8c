package catapult.engine.limits;

import catapult.engine.autodiff.Activation;
import java.util.ArrayList;
import java.util.List;

/**
 * What one neuron of a node computes in the limit: sum_j c_j phi_j(G_j) with Gaussian sums G_j.
 * Skip connections add features, fixed scales multiply them, activations compose with them.
 * Normal form: the identity terms are merged into one, so an activation can be applied exactly
 * when the feature is Gaussian (one identity term) or a single nonlinear term.
 */
record NeuronFeature(List<NeuronTerm> terms) {

    NeuronFeature {
        terms = List.copyOf(terms);
    }

    static NeuronFeature preactivation(NeuronKey key) {
        return new NeuronFeature(List.of(new NeuronTerm(1.0, GaussianSum.of(key), ActivationChain.of(Activation.IDENTITY))));
    }

    NeuronFeature times(double c) {
        List<NeuronTerm> out = new ArrayList<>();
        for (NeuronTerm t : terms) {
            if (t.linear()) out.add(new NeuronTerm(1.0, t.arg().times(c), t.act()));
            else if (c != 0) out.add(new NeuronTerm(t.coef() * c, t.arg(), t.act()));
        }
        return normal(out);
    }

    NeuronFeature plus(NeuronFeature o) {
        List<NeuronTerm> out = new ArrayList<>(terms);
        out.addAll(o.terms);
        return normal(out);
    }

    /**
     * act(this), or null when the limit of that is not a Gaussian expectation: an activation of a
     * sum that mixes a nonlinear term with other terms (e.g. relu(dense(h) + h) for h = relu(...)).
     */
    NeuronFeature apply(Activation act) {
        if (act == Activation.IDENTITY) return this;
        if (terms.isEmpty()) return new NeuronFeature(List.of(new NeuronTerm(1.0, GaussianSum.ZERO, ActivationChain.of(act))));
        if (terms.size() > 1) return null;
        NeuronTerm t = terms.get(0);
        if (t.linear()) return new NeuronFeature(List.of(new NeuronTerm(1.0, t.arg(), ActivationChain.of(act))));
        return new NeuronFeature(List.of(new NeuronTerm(1.0, t.arg(), t.act().then(t.coef(), act))));
    }

    /** Merges the identity terms into one (dropped when it is zero) and drops zero terms. */
    private static NeuronFeature normal(List<NeuronTerm> in) {
        GaussianSum linear = GaussianSum.ZERO;
        List<NeuronTerm> out = new ArrayList<>();
        for (NeuronTerm t : in) {
            if (t.linear()) linear = linear.plus(t.arg().times(t.coef()));
            else if (t.coef() != 0) out.add(t);
        }
        if (!linear.isZero()) out.add(0, new NeuronTerm(1.0, linear, ActivationChain.of(Activation.IDENTITY)));
        return new NeuronFeature(out);
    }
}
