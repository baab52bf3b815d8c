package catapult.engine.train;

import java.util.Random;

/**
 * Mini-batch indices drawn without replacement and reshuffled every epoch (seeded), so every
 * example appears exactly once per epoch. When n is not a multiple of the batch size, the last
 * batch of an epoch is the smaller remainder rather than a draw that repeats examples.
 * A batch size of 0 or at least n means full batch: {@link #next} then returns null.
 */
public final class BatchSampler {

    private final int n;
    private final int batch;
    private final Random random;
    private final int[] order;
    private int position;

    public BatchSampler(int n, int batch, long seed) {
        if (n <= 0) throw new IllegalArgumentException("training data must have at least one example");
        this.n = n;
        this.batch = batch <= 0 || batch >= n ? 0 : batch;
        this.random = new Random(seed);
        this.order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        this.position = n;
    }

    /** True when every update uses the whole data set. */
    public boolean fullBatch() { return batch == 0; }

    /** The rows of the next batch, or null for the full data set. */
    public int[] next() {
        if (batch == 0) return null;
        if (position >= n) reshuffle();
        int size = Math.min(batch, n - position);
        int[] rows = new int[size];
        System.arraycopy(order, position, rows, 0, size);
        position += size;
        return rows;
    }

    private void reshuffle() {
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        position = 0;
    }
}
