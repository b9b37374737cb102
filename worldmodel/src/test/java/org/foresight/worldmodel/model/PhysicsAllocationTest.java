package org.foresight.worldmodel.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;

import org.foresight.worldmodel.testutil.Models;
import org.junit.jupiter.api.Test;

/** The physics model's planner-facing paths allocate nothing per call once a thread has its buffers. */
class PhysicsAllocationTest {
    /** Fixed overhead tolerated for the whole measured loop (bytes); one allocation per call would be ≥ 16 B × 4 000. */
    private static final long BUDGET_BYTES = 16 * 1024;

    @Test
    void stepBatchStepAndJacobiansDoNotAllocatePerCall() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        if (!(bean instanceof com.sun.management.ThreadMXBean mx) || !mx.isThreadAllocatedMemorySupported()) {
            return; // cannot measure on this JVM
        }
        PhysicsModel m = Models.randomPhysics(9);
        int count = 2000;
        SplittableRandom r = new SplittableRandom(1);
        double[] x = new double[5 * count];
        double[] u = new double[2 * count];
        for (int i = 0; i < x.length; i++) {
            x[i] = 4 * r.nextDouble() - 2;
        }
        for (int i = 0; i < u.length; i++) {
            u[i] = 4 * r.nextDouble() - 2;
        }
        double[] xn = new double[5 * count];
        double[] xs = {0.1, 0.2, 0.3, 1.0, 0.5};
        double[] us = {1.2, -0.7};
        double[] out = new double[5];
        double[] a = new double[25];
        double[] b = new double[10];
        long tid = Thread.currentThread().getId();
        double sink = 0;
        for (int pass = 0; pass < 2; pass++) { // first pass warms up
            long before = mx.getThreadAllocatedBytes(tid);
            for (int i = 0; i < 1000; i++) {
                m.stepBatch(x, u, count, 0.05, xn);
                m.step(xs, us, 0.05, out);
                m.jacobians(xs, us, 0.05, a, b);
                sink += xn[i] + out[0] + a[3] + b[1];
            }
            long used = mx.getThreadAllocatedBytes(tid) - before;
            if (pass == 1) {
                assertTrue(used < BUDGET_BYTES, "allocated " + used + " bytes over 3 000 calls (" + sink + ")");
            }
        }
    }
}
