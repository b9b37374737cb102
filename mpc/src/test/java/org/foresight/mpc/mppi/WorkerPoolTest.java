package org.foresight.mpc.mppi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class WorkerPoolTest {
    @Test
    void everyIndexRunsExactlyOncePerBatch() {
        try (WorkerPool pool = new WorkerPool(3)) {
            for (int batch = 0; batch < 2000; batch++) {
                int n = 1 + batch % 40;
                AtomicIntegerArray hits = new AtomicIntegerArray(n);
                pool.run((i, w) -> hits.incrementAndGet(i), n);
                for (int i = 0; i < n; i++) {
                    assertEquals(1, hits.get(i), "batch " + batch + " index " + i);
                }
            }
        }
    }

    @Test
    void taskFailureIsReportedToTheCaller() {
        try (WorkerPool pool = new WorkerPool(2)) {
            assertThrows(IllegalStateException.class, () -> pool.run((i, w) -> {
                if (i == 3) {
                    throw new ArithmeticException("boom");
                }
            }, 10));
            // The pool stays usable.
            AtomicIntegerArray hits = new AtomicIntegerArray(5);
            pool.run((i, w) -> hits.incrementAndGet(i), 5);
            assertEquals(1, hits.get(4));
        }
    }
}
