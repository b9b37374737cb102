package org.foresight.mpc.mppi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.foresight.dynamics.model.Simd;
import org.junit.jupiter.api.Test;

/** The rollout's command clip: its meaning, and the SIMD and scalar kernels agreeing bit for bit. */
class CommandClipTest {
    private static final double LO = -0.2;
    private static final double HI = 1.0;
    private static final double A = 0.15;

    @Test
    void clipsToTheRateWindowAndTheBoundsAndLeavesInsideValuesExact() {
        SplittableRandom r = new SplittableRandom(5);
        int n = 1000;
        double[] eps = new double[n];
        double[] prev = new double[n];
        double[] x = new double[n];
        for (int j = 0; j < n; j++) {
            eps[j] = 2.0 * r.nextGaussian();
            prev[j] = LO + (HI - LO) * r.nextDouble();
        }
        double m = 0.4;
        double[] p0 = prev.clone();
        for (int j = 0; j < n; j++) {
            x[j] = m + eps[j];
        }
        CommandClip.row(eps, 0, prev, 0, n, m, A, LO, HI);
        int inside = 0;
        for (int j = 0; j < n; j++) {
            double l = Math.max(p0[j] - A, LO);
            double h = Math.min(p0[j] + A, HI);
            double want = Math.min(Math.max(x[j], l), h);
            if (x[j] > l && x[j] < h) {
                assertEquals(x[j], eps[j], 0.0, "inside the window the command is untouched");
                inside++;
            } else {
                double scale = Math.abs(x[j]) + Math.abs(p0[j]) + A + HI - LO;
                assertEquals(want, eps[j], 2 * Math.ulp(scale), "on the bound to within the operands' rounding");
            }
            assertEquals(eps[j], prev[j], 0.0, "the previous command becomes the clipped one");
        }
        assertTrue(inside > 10 && inside < n - 10, "the test exercises both cases: " + inside);
    }

    @Test
    void simdAndScalarKernelsGiveIdenticalBitsForAnyLengthAndOffset() {
        SplittableRandom r = new SplittableRandom(9);
        for (int cnt : new int[] {0, 1, 7, 8, 9, 63, 64}) {
            int o = r.nextInt(5);
            int op = r.nextInt(5);
            double[] eps = new double[o + cnt];
            double[] prev = new double[op + cnt];
            for (int j = 0; j < cnt; j++) {
                eps[o + j] = r.nextGaussian();
                prev[op + j] = LO + (HI - LO) * r.nextDouble();
            }
            double[] eps2 = eps.clone();
            double[] prev2 = prev.clone();
            CommandClip.row(eps, o, prev, op, cnt, 0.3, A, LO, HI);
            CommandClip.scalar(eps2, o, prev2, op, 0, cnt, 0.3, A, LO, HI);
            assertArrayEquals(eps2, eps, "count " + cnt + " (vector kernel in use: " + Simd.ENABLED + ")");
            assertArrayEquals(prev2, prev);
        }
    }

    @Test
    void theTestsRunTheSimdKernel() {
        // surefire adds jdk.incubator.vector (see the parent pom), as ./foresight does: the kernel the user
        // runs is the one tested above.
        assertTrue(Simd.ENABLED, "jdk.incubator.vector is missing from the test JVM");
    }
}
