package catapult.engine.data;

import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The targets of the thesis's feature-learning experiments (Section 4.4, x ~ N(0, I_100)) with
 * their analytic input gradients, so that their EGOPs G* are exact. Coordinates are 1-based in
 * the formulas (x1 is column 0):
 * <ul>
 *   <li>{@code rank2}: x1 x2 (needs d >= 2)</li>
 *   <li>{@code rank3}: x1 x2 (x1 + ... + x10) (needs d >= 10)</li>
 *   <li>{@code rank4}: sum_{j=1..4} x1 ... xj (needs d >= 4)</li>
 *   <li>{@code fullrank}: |x| / sqrt(d) (its EGOP has full rank, so feature learning gains nothing)</li>
 * </ul>
 * Everything is batched column arithmetic on the n x d input; no per-example loop.
 */
public enum NamedTarget implements Target {
    RANK2(2), RANK3(10), RANK4(4), FULLRANK(1);

    private final int minD;

    NamedTarget(int minD) {
        this.minD = minD;
    }

    /** The target called {@code name} ("rank2", "rank3", "rank4", "fullrank"). */
    public static NamedTarget parse(String name) {
        for (NamedTarget t : values()) {
            if (t.name().equalsIgnoreCase(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown target \"" + name + "\" (expected \"rank2\", \"rank3\", \"rank4\" or \"fullrank\")");
    }

    @Override
    public String toString() { return name().toLowerCase(); }

    /** Lower-case name as used in scripts. */
    @Override
    public String label() { return toString(); }

    private void check(INDArray x) {
        if (x.rank() != 2 || x.size(1) < minD) {
            throw new IllegalArgumentException("target " + this + " needs inputs of dimension d >= " + minD
                    + ", got shape " + java.util.Arrays.toString(x.shape()));
        }
    }

    private static INDArray col(INDArray x, int j) {
        return x.get(all(), interval(j, j + 1));
    }

    /** f(x) for each row: n x 1. */
    @Override
    public INDArray apply(INDArray x) {
        check(x);
        switch (this) {
            case RANK2: return col(x, 0).mul(col(x, 1));
            case RANK3: return col(x, 0).mul(col(x, 1)).muli(x.get(all(), interval(0, 10)).sum(true, 1));
            case RANK4: return rank4(x);
            default: return x.norm2(true, 1).divi(Math.sqrt(x.size(1)));
        }
    }

    private static INDArray rank4(INDArray x) {
        INDArray prod = col(x, 0).dup();
        INDArray sum = prod.dup();
        for (int j = 1; j < 4; j++) {
            prod.muli(col(x, j));
            sum.addi(prod);
        }
        return sum;
    }

    /** grad_x f(x_i) for each row: n x d. */
    @Override
    public INDArray inputGradient(INDArray x) {
        check(x);
        switch (this) {
            case RANK2: return rank2Gradient(x);
            case RANK3: return rank3Gradient(x);
            case RANK4: return rank4Gradient(x);
            default: return fullrankGradient(x);
        }
    }

    private static INDArray rank2Gradient(INDArray x) {
        INDArray g = Nd4j.zeros(x.dataType(), x.shape());
        g.getColumn(0).assign(x.getColumn(1));
        g.getColumn(1).assign(x.getColumn(0));
        return g;
    }

    /** d/dx_l = 1[l < 10] x1 x2 + 1[l = 1] x2 s + 1[l = 2] x1 s, with s = x1 + ... + x10. */
    private static INDArray rank3Gradient(INDArray x) {
        INDArray s = x.get(all(), interval(0, 10)).sum(1);
        INDArray x1 = x.getColumn(0);
        INDArray x2 = x.getColumn(1);
        INDArray g = Nd4j.zeros(x.dataType(), x.shape());
        g.get(all(), interval(0, 10)).addiColumnVector(x1.mul(x2).reshape(x.size(0), 1));
        g.getColumn(0).addi(x2.mul(s));
        g.getColumn(1).addi(x1.mul(s));
        return g;
    }

    /** d/dx_l = sum over j >= l of prod_{i <= j, i != l} x_i, for l = 1..4. */
    private static INDArray rank4Gradient(INDArray x) {
        INDArray[] c = {x.getColumn(0), x.getColumn(1), x.getColumn(2), x.getColumn(3)};
        INDArray g = Nd4j.zeros(x.dataType(), x.shape());
        INDArray one = Nd4j.onesLike(c[0]);
        g.getColumn(0).assign(one.add(c[1]).addi(c[1].mul(c[2])).addi(c[1].mul(c[2]).muli(c[3])));
        g.getColumn(1).assign(c[0].add(c[0].mul(c[2])).addi(c[0].mul(c[2]).muli(c[3])));
        g.getColumn(2).assign(c[0].mul(c[1]).addi(c[0].mul(c[1]).muli(c[3])));
        g.getColumn(3).assign(c[0].mul(c[1]).muli(c[2]));
        return g;
    }

    /** x / (|x| sqrt(d)); 0 at x = 0 (the subgradient of least norm). */
    private static INDArray fullrankGradient(INDArray x) {
        INDArray norms = x.norm2(true, 1).muli(Math.sqrt(x.size(1)));
        INDArray safe = norms.addi(norms.eq(0).castTo(x.dataType()));
        return x.divColumnVector(safe);
    }
}
