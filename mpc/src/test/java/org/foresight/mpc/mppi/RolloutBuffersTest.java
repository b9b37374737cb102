package org.foresight.mpc.mppi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The block layout: every (k, t) gets its own slot, and a block's step is one contiguous run. */
class RolloutBuffersTest {

    @Test
    void indexIsABijectionOntoTheCapacityAndContiguousAlongSamplesOfABlock() {
        int[][] shapes = {{1, 1}, {3, 4}, {64, 7}, {65, 3}, {2000, 56}};
        for (int[] shape : shapes) {
            int k = shape[0];
            int t = shape[1];
            RolloutBuffers b = new RolloutBuffers();
            b.ensure(k, t);
            boolean[] seen = new boolean[b.x.length];
            for (int s = 0; s < k; s++) {
                for (int step = 0; step < t; step++) {
                    int i = b.index(s, step);
                    assertTrue(i >= 0 && i < seen.length && !seen[i], "slot of (" + s + ", " + step + ") in " + k + "x" + t);
                    seen[i] = true;
                    if (s % RolloutBuffers.BLOCK != 0) {
                        assertEquals(b.index(s - 1, step) + 1, i, "samples of a block are adjacent at each step");
                    }
                }
                assertEquals(b.blockOffset(s), b.index(s, 0));
            }
        }
    }
}
