package catapult.engine.autodiff;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Non-overlapping average pooling (window = stride = size) of an h x w x c image; rows and
 * columns that do not fill a window are dropped, as in PyTorch's AvgPool2d.
 */
public final class PoolOp extends LinearOp {
    private final int h, w, c, k, ho, wo;

    public PoolOp(int id, int source, int h, int w, int c, int k) {
        super(id, new int[]{source}, new long[]{h / k, w / k, c});
        this.h = h; this.w = w; this.c = c; this.k = k;
        this.ho = h / k;
        this.wo = w / k;
    }

    @Override
    INDArray map(INDArray[] in, int n) {
        if (in[0] == null) return null;
        INDArray img = in[0].reshape('c', n, h, w, c);
        if (ho * k != h || wo * k != w) {
            img = img.get(NDArrayIndex.all(), NDArrayIndex.interval(0, ho * k),
                    NDArrayIndex.interval(0, wo * k), NDArrayIndex.all()).dup('c');
        }
        INDArray blocks = img.reshape('c', n, ho, k, wo, k, c);
        return blocks.mean(2, 4).reshape('c', n, (long) ho * wo * c);
    }

    @Override
    INDArray[] transpose(INDArray g) {
        long n = g.rows();
        INDArray spread = g.reshape('c', n, ho, 1, wo, 1, c).broadcast(n, ho, k, wo, k, c)
                .divi((double) k * k).reshape('c', n, (long) ho * k, (long) wo * k, c);
        if (ho * k == h && wo * k == w) return new INDArray[]{spread.reshape('c', n, size(h, w))};
        INDArray full = Nd4j.zeros(g.dataType(), n, h, w, c);
        full.get(NDArrayIndex.all(), NDArrayIndex.interval(0, ho * k),
                NDArrayIndex.interval(0, wo * k), NDArrayIndex.all()).assign(spread);
        Buffers.release(spread);
        return new INDArray[]{full.reshape('c', n, size(h, w))};
    }

    private long size(int hh, int ww) { return (long) hh * ww * c; }
}
