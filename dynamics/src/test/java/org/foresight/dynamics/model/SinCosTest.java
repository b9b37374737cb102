package org.foresight.dynamics.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The call-free trig: within 1e-15 of Math on [−π, π], Math's value outside, block equal to scalar. */
class SinCosTest {

    @Test
    void sinCosIsWithin1e15OfMathAndBlockEqualsScalar() {
        SplittableRandom r = new SplittableRandom(1);
        int n = 100_000;
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = i < n / 2 ? (2 * r.nextDouble() - 1) * Math.PI : (2 * r.nextDouble() - 1) * 1e3;
        }
        a[0] = Math.PI;
        a[1] = -Math.PI;
        a[2] = 0.5 * Math.PI;
        a[3] = -0.0;
        a[4] = Math.nextUp(Math.PI);
        a[5] = Double.NaN;
        double[] s = new double[n];
        double[] c = new double[n];
        SinCos.block(a, 0, n, s, c);
        for (int i = 0; i < n; i++) {
            if (i != 5) {
                assertEquals(Math.sin(a[i]), SinCos.sin(a[i]), 1e-15, "sin " + a[i]);
                assertEquals(Math.cos(a[i]), SinCos.cos(a[i]), 1e-15, "cos " + a[i]);
            }
            assertEquals(SinCos.sin(a[i]), s[i], 0.0, "block sin " + a[i]);
            assertEquals(SinCos.cos(a[i]), c[i], 0.0, "block cos " + a[i]);
        }
        assertEquals(Double.NaN, SinCos.sin(Double.NaN));
        assertEquals(Double.NaN, SinCos.cos(Double.POSITIVE_INFINITY));
    }

    /** The block kernel (on SIMD lanes when the Vector API module is present) allocates nothing once compiled. */
    @Test
    void blockAllocatesNothingOnceWarm() {
        java.lang.management.ThreadMXBean bean = java.lang.management.ManagementFactory.getThreadMXBean();
        if (!(bean instanceof com.sun.management.ThreadMXBean mx) || !mx.isThreadAllocatedMemorySupported()) {
            return; // cannot measure on this JVM
        }
        double[] a = new double[70];
        double[] s = new double[64];
        double[] c = new double[64];
        for (int i = 0; i < a.length; i++) {
            a[i] = -3.1 + 0.09 * i;
        }
        long tid = Thread.currentThread().getId();
        double sink = 0;
        long used = 0;
        for (int pass = 0; pass < 2; pass++) { // the first pass lets the JIT compile (and scalar-replace) the lanes
            long before = mx.getThreadAllocatedBytes(tid);
            for (int i = 0; i < 100_000; i++) {
                SinCos.block(a, i & 3, 64, s, c);
                sink += s[3] + c[60];
            }
            used = mx.getThreadAllocatedBytes(tid) - before;
        }
        assertTrue(used < 16 * 1024, "allocated " + used + " bytes over 100 000 block calls (" + sink + ")");
    }
}
