package org.foresight.worldmodel.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The reused-QR subset fit against the reference: a fresh {@link RidgeRegression} on the subset's columns. */
class LeastSquaresFactorTest {
    private static final double TOL = 1e-9;

    @Test
    void everySubsetFitEqualsAFreshRidgeFitOnThoseColumns() {
        SplittableRandom r = new SplittableRandom(5);
        int n = 400;
        int f = 6;
        double[][] cols = new double[f][n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < f - 1; j++) {
                cols[j][i] = (j + 1) * (2 * r.nextDouble() - 1);
            }
            cols[f - 1][i] = 0.0; // an identically zero column must get coefficient 0
            y[i] = 0.7 * cols[0][i] - 0.2 * cols[2][i] * cols[1][i] + 0.05 * r.nextGaussian();
        }
        LeastSquaresFactor design = new LeastSquaresFactor(cols, y);
        for (double lambda : new double[] {0.0, 1e-8, 1e-2}) {
            for (int mask = 1; mask < (1 << f); mask++) {
                boolean[] active = new boolean[f];
                int k = Integer.bitCount(mask);
                double[][] sub = new double[k][];
                int[] map = new int[k];
                for (int j = 0, c = 0; j < f; j++) {
                    active[j] = (mask & (1 << j)) != 0;
                    if (active[j]) {
                        sub[c] = cols[j];
                        map[c++] = j;
                    }
                }
                double[] fast = design.solve(active, lambda);
                double[] ref = RidgeRegression.fit(sub, y, lambda);
                for (int j = 0; j < f; j++) {
                    if (!active[j]) {
                        assertEquals(0.0, fast[j], "inactive coefficient " + j);
                    }
                }
                for (int c = 0; c < k; c++) {
                    assertEquals(ref[c], fast[map[c]], TOL, "mask " + mask + " lambda " + lambda + " feature " + map[c]);
                }
            }
        }
    }
}
