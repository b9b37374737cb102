package org.foresight.dynamics.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
