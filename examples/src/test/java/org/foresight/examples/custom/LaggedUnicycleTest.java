package org.foresight.examples.custom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LaggedUnicycleTest {
    @Test
    void batchStepEqualsSingleStepPerSample() {
        LaggedUnicycle m = new LaggedUnicycle(0.15);
        int count = 7;
        int n = m.stateDim();
        SplittableRandom r = new SplittableRandom(2);
        double[] xs = new double[n * count];
        double[] us = new double[2 * count];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = r.nextDouble(-2, 2);
        }
        for (int i = 0; i < us.length; i++) {
            us[i] = r.nextDouble(-2, 2);
        }
        double[] out = new double[n * count];
        java.util.Arrays.fill(out, Double.NaN);
        m.stepBatch(xs, us, count, 0.05, out);
        for (int k = 0; k < count; k++) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = xs[i * count + k];
            }
            double[] xn = new double[n];
            m.step(x, new double[] {us[k], us[count + k]}, 0.05, xn);
            for (int i = 0; i < n; i++) {
                assertEquals(xn[i], out[i * count + k], 0.0, "sample " + k + " entry " + i);
            }
        }
    }

    @Test
    void speedApproachesTheCommandWithTheLag() {
        LaggedUnicycle m = new LaggedUnicycle(0.1);
        double[] x = {0, 0, 0, 0, 0};
        double[] xn = new double[5];
        // dt/τ = 0.5: v after one step = 0 + (1 − 0)·0.5.
        m.step(x, new double[] {1.0, 0.0}, 0.05, xn);
        assertEquals(0.5, xn[3], 1e-15);
        assertThrows(IllegalArgumentException.class, () -> new LaggedUnicycle(0.0));
    }
}
