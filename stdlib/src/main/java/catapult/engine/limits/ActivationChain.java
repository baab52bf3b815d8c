package catapult.engine.limits;

import catapult.engine.autodiff.Activation;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A scalar nonlinearity phi(z) = a_k(c_k * ... a_2(c_2 * a_1(z))): what a neuron computes from
 * its Gaussian pre-activation z when activations are applied on top of each other (with fixed
 * scales between them). Most neurons are a single activation, for which the closed forms apply.
 */
record ActivationChain(List<Activation> steps, double[] scales) {

    ActivationChain {
        steps = List.copyOf(steps);
        scales = scales.clone();
    }

    static ActivationChain of(Activation a) {
        return new ActivationChain(List.of(a), new double[] {1.0});
    }

    /** psi(c * this(z)). */
    ActivationChain then(double c, Activation psi) {
        List<Activation> s = new ArrayList<>(steps);
        s.add(psi);
        double[] sc = java.util.Arrays.copyOf(scales, scales.length + 1);
        sc[scales.length] = c;
        return new ActivationChain(s, sc);
    }

    /** The single activation this chain is, or null when it composes several. */
    Activation single() {
        return steps.size() == 1 && scales[0] == 1.0 ? steps.get(0) : null;
    }

    boolean isIdentity() { return single() == Activation.IDENTITY; }

    /** phi(z), elementwise (a new array). */
    INDArray value(INDArray z) {
        INDArray y = z;
        for (int i = 0; i < steps.size(); i++) y = steps.get(i).value(scales[i] == 1.0 ? y : y.mul(scales[i]));
        return y == z ? z.dup() : y;
    }

    /** phi'(z) by the chain rule, elementwise (a new array). */
    INDArray d1(INDArray z) {
        INDArray y = z;
        INDArray d = null;
        for (int i = 0; i < steps.size(); i++) {
            INDArray in = scales[i] == 1.0 ? y : y.mul(scales[i]);
            INDArray step = steps.get(i).d1(in).muli(scales[i]);
            d = d == null ? step : d.muli(step);
            y = steps.get(i).value(in);
        }
        return d;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("z");
        for (int i = 0; i < steps.size(); i++) {
            String arg = scales[i] == 1.0 ? b.toString() : scales[i] + " * " + b;
            b = new StringBuilder(steps.get(i).languageName()).append('(').append(arg).append(')');
        }
        return b.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ActivationChain c && steps.equals(c.steps) && java.util.Arrays.equals(scales, c.scales);
    }

    @Override
    public int hashCode() { return 31 * steps.hashCode() + java.util.Arrays.hashCode(scales); }
}
