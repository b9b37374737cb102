package org.foresight.dynamics.world;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hot-path queries (SDF, footprint, lidar) must not allocate per call. */
class AllocationFreeTest {
    /** Fixed overhead tolerated for the whole measured loop (bytes), far below one allocation per call. */
    private static final long BUDGET_BYTES = 16 * 1024;

    @Test
    void hotPathsDoNotAllocatePerCall() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        if (!(bean instanceof com.sun.management.ThreadMXBean mx) || !mx.isThreadAllocatedMemorySupported()) {
            return; // cannot measure on this JVM
        }
        World w = WorldLoader.loadBarn(0);
        SignedDistanceField sdf = w.sdf();
        List<MovingObstacle> obs = MovingObstacle.random(w, 5, 1L);
        Lidar lidar = new Lidar(LidarConfig.DEFAULT);
        double[] ranges = new double[720];
        double[] grad = new double[2];
        long tid = Thread.currentThread().getId();
        double sink = 0;
        boolean hit = false;
        for (int pass = 0; pass < 2; pass++) { // first pass warms up
            long before = mx.getThreadAllocatedBytes(tid);
            for (int i = 0; i < 20_000; i++) {
                double y = 5.0 + i * 2e-4;
                sink += sdf.distance(-2.0, y) + sdf.distanceAndGradient(-2.0, y, grad);
                hit |= Footprint.JACKAL.collides(w.grid(), -2.0, y, 0.3);
                hit |= Footprint.JACKAL.collides(obs, -2.0, y, 0.3);
            }
            for (int i = 0; i < 200; i++) {
                lidar.scan(w.grid(), obs, -2.25, 6.0, 1.5, ranges);
            }
            long used = mx.getThreadAllocatedBytes(tid) - before;
            if (pass == 1) {
                assertTrue(used < BUDGET_BYTES, "allocated " + used + " bytes over 60 200 calls (" + sink + hit + ")");
            }
        }
    }
}
