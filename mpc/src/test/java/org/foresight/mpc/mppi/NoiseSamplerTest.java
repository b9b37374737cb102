package org.foresight.mpc.mppi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NoiseSamplerTest {
    @Test
    void momentsAreStandardNormal() {
        NoiseSampler s = new NoiseSampler(5);
        int n = 400_000;
        double[] x = new double[n];
        s.fill(0, 0, 0, 1.0, x, 0, n);
        double m = 0;
        double v = 0;
        double m4 = 0;
        int tail = 0;
        for (double d : x) {
            m += d;
            v += d * d;
            m4 += d * d * d * d;
            if (Math.abs(d) > 3.442619855899) {
                tail++;
            }
        }
        m /= n;
        v /= n;
        m4 /= n;
        // 5-sigma bands: mean ± 5/√n, var ± 5·√(2/n), kurtosis ± 5·√(96/n); P(|Z| > R) = 5.76e-4.
        double tailFraction = (double) tail / n;
        assertEquals(0.0, m, 5 / Math.sqrt(n));
        assertEquals(1.0, v, 5 * Math.sqrt(2.0 / n));
        assertEquals(3.0, m4, 5 * Math.sqrt(96.0 / n));
        assertEquals(5.76e-4, tailFraction, 2.5e-4);
    }

    @Test
    void inverseCdfMatchesKnownQuantiles() {
        // Φ⁻¹(0.975) = 1.959963984540054, Φ⁻¹(0.001) = −3.090232306167814 (standard tables).
        assertEquals(1.959963984540054, NoiseSampler.inverseNormalCdf(0.975), 1e-8);
        assertEquals(-3.090232306167814, NoiseSampler.inverseNormalCdf(0.001), 2e-5);
        assertEquals(0.0, NoiseSampler.inverseNormalCdf(0.5), 1e-15);
    }

    @Test
    void oddLengthsAreFilledCompletely() {
        double[] x = new double[7];
        java.util.Arrays.fill(x, Double.NaN);
        new NoiseSampler(2).fill(0, 0, 0, 1.0, x, 0, 7);
        for (double d : x) {
            assertTrue(Double.isFinite(d));
        }
    }

    @Test
    void streamsDependOnlyOnTheirCounters() {
        NoiseSampler s = new NoiseSampler(11);
        double[] a = new double[20];
        double[] b = new double[20];
        s.fill(3, 1, 17, 0.5, a, 0, 20);
        s.fill(9, 0, 2, 1.0, new double[50], 0, 50); // unrelated draw in between
        new NoiseSampler(11).fill(3, 1, 17, 0.5, b, 0, 20);
        assertArrayEquals(a, b, 0.0);
        double[] c = new double[20];
        s.fill(3, 1, 18, 0.5, c, 0, 20);
        assertTrue(a[0] != c[0]);
    }

    @Test
    void neighbouringStreamsAreUncorrelated() {
        NoiseSampler s = new NoiseSampler(1);
        int k = 20_000;
        double[] a = new double[1];
        double[] b = new double[1];
        double cross = 0;
        for (int i = 0; i < k; i++) {
            s.fill(0, 0, i, 1.0, a, 0, 1);
            s.fill(0, 0, i + 1, 1.0, b, 0, 1);
            cross += a[0] * b[0];
        }
        assertEquals(0.0, cross / k, 5 / Math.sqrt(k));
    }

    @Test
    void floatFillGivesTheDoubleDeviatesRoundedToFloat() {
        NoiseSampler s = new NoiseSampler(11);
        for (int count : new int[] {1, 3, 64, 67}) {
            double[] d = new double[count + 2];
            float[] f = new float[count + 2];
            s.fill(4, 1, 9, 0.6, d, 2, count);
            s.fill(4, 1, 9, 0.6, f, 2, count);
            for (int i = 0; i < count + 2; i++) {
                org.junit.jupiter.api.Assertions.assertEquals((float) d[i], f[i], 0f, "count " + count + ", index " + i);
            }
        }
    }
}
