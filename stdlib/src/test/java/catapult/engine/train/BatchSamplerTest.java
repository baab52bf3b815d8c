package catapult.engine.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchSamplerTest {

    /** The batches of one epoch, concatenated. */
    private static int[] epoch(BatchSampler s, int n, int batch) {
        List<Integer> all = new ArrayList<>();
        int batches = (n + batch - 1) / batch;
        for (int b = 0; b < batches; b++) for (int i : s.next()) all.add(i);
        return all.stream().mapToInt(Integer::intValue).toArray();
    }

    @Test
    void everyExampleOncePerEpoch() {
        BatchSampler s = new BatchSampler(10, 3, 7);
        for (int e = 0; e < 4; e++) {
            int[] seen = epoch(s, 10, 3);
            int[] sorted = seen.clone();
            Arrays.sort(sorted);
            assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, sorted, "epoch " + e);
        }
    }

    @Test
    void lastBatchOfAnEpochIsTheRemainder() {
        BatchSampler s = new BatchSampler(10, 4, 0);
        assertEquals(4, s.next().length);
        assertEquals(4, s.next().length);
        assertEquals(2, s.next().length);
        assertEquals(4, s.next().length);
    }

    @Test
    void reshufflesEachEpochAndIsSeeded() {
        BatchSampler a = new BatchSampler(50, 5, 3);
        BatchSampler b = new BatchSampler(50, 5, 3);
        int[] first = epoch(a, 50, 5);
        assertArrayEquals(first, epoch(b, 50, 5));
        assertFalse(Arrays.equals(first, epoch(a, 50, 5)), "second epoch reshuffled");
        assertFalse(Arrays.equals(first, epoch(new BatchSampler(50, 5, 4), 50, 5)), "another seed, another order");
    }

    @Test
    void fullBatchWhenBatchIsZeroOrCoversTheData() {
        assertTrue(new BatchSampler(10, 0, 0).fullBatch());
        assertTrue(new BatchSampler(10, 10, 0).fullBatch());
        assertNull(new BatchSampler(10, 12, 0).next());
        assertFalse(new BatchSampler(10, 9, 0).fullBatch());
    }
}
