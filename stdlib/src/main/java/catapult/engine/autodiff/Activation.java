package catapult.engine.autodiff;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.api.ops.impl.scalar.Step;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Erf;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.Locale;

/**
 * The pointwise nonlinearities of the language with their first and second derivatives.
 * Second derivatives exist because the quadratic model and Hessian-vector products propagate
 * second-order Taylor jets through every activation.
 *
 * <p>Every method is batched, allocates a new array of the same shape and dtype, and never
 * modifies its argument.
 */
public enum Activation {
    RELU {
        // written into a fresh uninitialized array: Transforms.relu/step(x, true) first copy x (dup)
        public INDArray value(INDArray x) { return Nd4j.exec(new RectifiedLinear(x, fresh(x), 0.0)); }
        public INDArray d1(INDArray x) { return Nd4j.exec(new Step(x, fresh(x), 0.0)); }
        public INDArray d2(INDArray x) { return Nd4j.zerosLike(x); }
        public boolean linearPieces() { return true; }
    },
    TANH {
        public INDArray value(INDArray x) { return Transforms.tanh(x, true); }
        public INDArray d1(INDArray x) {
            INDArray t = Transforms.tanh(x, true);
            return t.muli(t).rsubi(1.0);
        }
        public INDArray d2(INDArray x) {
            INDArray t = Transforms.tanh(x, true);
            INDArray d = t.mul(t).rsubi(1.0);
            return d.muli(t).muli(-2.0);
        }
    },
    SIGMOID {
        public INDArray value(INDArray x) { return Transforms.sigmoid(x, true); }
        public INDArray d1(INDArray x) {
            INDArray s = Transforms.sigmoid(x, true);
            return s.muli(s.rsub(1.0));
        }
        public INDArray d2(INDArray x) {
            INDArray s = Transforms.sigmoid(x, true);
            INDArray d = s.mul(s.rsub(1.0));
            return d.muli(s.muli(-2.0).addi(1.0));
        }
    },
    /** x * sigmoid(x). */
    SWISH {
        public INDArray value(INDArray x) { return Transforms.sigmoid(x, true).muli(x); }
        public INDArray d1(INDArray x) {
            INDArray s = Transforms.sigmoid(x, true);
            INDArray ds = s.mul(s.rsub(1.0));
            return ds.muli(x).addi(s);
        }
        public INDArray d2(INDArray x) {
            INDArray s = Transforms.sigmoid(x, true);
            INDArray ds = s.mul(s.rsub(1.0));
            INDArray k = s.muli(-2.0).addi(1.0).muli(x).addi(2.0);
            return ds.muli(k);
        }
    },
    /** The exact GELU x * Phi(x) with Phi the standard normal CDF. */
    GELU {
        public INDArray value(INDArray x) { return cdf(x).muli(x); }
        public INDArray d1(INDArray x) { return pdf(x).muli(x).addi(cdf(x)); }
        public INDArray d2(INDArray x) { return x.mul(x).rsubi(2.0).muli(pdf(x)); }
    },
    /** log(1 + e^x), evaluated as relu(x) + log1p(e^-|x|) so it never overflows. */
    SOFTPLUS {
        public INDArray value(INDArray x) {
            INDArray t = Transforms.exp(Transforms.abs(x, true).negi(), false);
            return Transforms.log1p(t, false).addi(Transforms.relu(x, true));
        }
        public INDArray d1(INDArray x) { return Transforms.sigmoid(x, true); }
        public INDArray d2(INDArray x) { return SIGMOID.d1(x); }
    },
    ERF {
        public INDArray value(INDArray x) { return Nd4j.exec(new Erf(x, x.ulike())); }
        public INDArray d1(INDArray x) {
            return Transforms.exp(x.mul(x).negi(), false).muli(2.0 / Math.sqrt(Math.PI));
        }
        public INDArray d2(INDArray x) { return d1(x).muli(x).muli(-2.0); }
    },
    IDENTITY {
        public INDArray value(INDArray x) { return x.dup(); }
        public INDArray d1(INDArray x) { return Nd4j.onesLike(x); }
        public INDArray d2(INDArray x) { return Nd4j.zerosLike(x); }
        public boolean linearPieces() { return true; }
    };

    /** sigma(x). */
    public abstract INDArray value(INDArray x);

    /** sigma(x) written into out (same shape; relu without a temporary). */
    public void valueInto(INDArray x, INDArray out) {
        if (this == RELU) {
            Fused.relu(x, out);
            return;
        }
        into(value(x), out);
    }

    /** sigma'(x) written into out. */
    public void d1Into(INDArray x, INDArray out) {
        if (this == RELU) {
            Nd4j.exec(new Step(x, out, 0.0));
            return;
        }
        into(d1(x), out);
    }

    /** sigma''(x) written into out. */
    public void d2Into(INDArray x, INDArray out) { into(d2(x), out); }

    private static void into(INDArray value, INDArray out) {
        out.assign(value);
        Buffers.release(value);
    }

    /** sigma'(x). */
    public abstract INDArray d1(INDArray x);

    /** sigma''(x) (0 almost everywhere for relu). */
    public abstract INDArray d2(INDArray x);

    /** True when sigma'' = 0 almost everywhere, so second-order terms through it vanish. */
    public boolean linearPieces() { return false; }

    /** The language name, e.g. "relu". */
    public String languageName() { return name().toLowerCase(Locale.ROOT); }

    /** The activation with this language name; IllegalArgumentException for unknown names. */
    public static Activation named(String name) {
        for (Activation a : values()) {
            if (a.languageName().equals(name)) return a;
        }
        throw new IllegalArgumentException("unknown activation '" + name
                + "'; expected one of relu, tanh, sigmoid, swish, gelu, softplus, erf, identity");
    }

    /** An uninitialized c-order array of x's shape and dtype, for ops that write every element. */
    private static INDArray fresh(INDArray x) {
        return Nd4j.createUninitialized(x.dataType(), x.shape(), 'c');
    }

    private static INDArray cdf(INDArray x) {
        INDArray e = Nd4j.exec(new Erf(x.mul(1.0 / Math.sqrt(2.0))));
        return e.addi(1.0).muli(0.5);
    }

    private static INDArray pdf(INDArray x) {
        return Transforms.exp(x.mul(x).muli(-0.5), false).muli(1.0 / Math.sqrt(2.0 * Math.PI));
    }
}
