package org.foresight.worldmodel.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.foresight.dynamics.model.Simd;
import org.junit.jupiter.api.Test;

/** The feature program's block saturations: Math.min/max values, and the SIMD and scalar loops agreeing. */
class BlockClampTest {
    private static final double[] SPECIAL = {Double.NaN, -0.0, 0.0, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY, 1e300, -1e-300};

    private static double[] values(SplittableRandom r, int n) {
        double[] a = new double[n];
        for (int j = 0; j < n; j++) {
            a[j] = r.nextInt(8) == 0 ? SPECIAL[r.nextInt(SPECIAL.length)] : 4 * r.nextGaussian();
        }
        return a;
    }

    @Test
    void blockClampsEqualMathMinMaxPerSampleForEveryLengthAndLevel() {
        SplittableRandom r = new SplittableRandom(3);
        for (int n : new int[] {0, 1, 7, 8, 9, 63, 64}) {
            for (double c : new double[] {0.5, 2.0, Double.POSITIVE_INFINITY}) {
                int off = r.nextInt(4);
                double[] a = values(r, off + n);
                double[] b = values(r, off + n);
                double[] out = new double[n];
                double[] diff = new double[n];
                BlockClamp.clamp(a, off, out, n, c);
                BlockClamp.clampDifference(a, b, diff, n, c);
                for (int j = 0; j < n; j++) {
                    String at = "n " + n + ", c " + c + ", j " + j + " (SIMD " + Simd.ENABLED + ")";
                    assertSame(Math.min(c, Math.max(-c, a[off + j])), out[j], at);
                    assertSame(Math.min(c, Math.max(-c, a[j] - b[j])), diff[j], at);
                    assertSame(BlockClamp.of(a[off + j], c), out[j], at);
                }
            }
        }
    }

    @Test
    void theTestsRunTheSimdLoops() {
        assertTrue(Simd.ENABLED, "jdk.incubator.vector is missing from the test JVM (see the parent pom)");
    }

    /** Equal values, −0 told from +0; any NaN equals any NaN. */
    private static void assertSame(double want, double got, String at) {
        assertEquals(Double.doubleToLongBits(want), Double.doubleToLongBits(got), at + ": want " + want + ", got " + got);
    }
}
