package org.foresight.worldmodel.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class RegressionTest {
    private static double[][] design(int n, SplittableRandom r) {
        double[][] cols = new double[4][n];
        for (int i = 0; i < n; i++) {
            cols[0][i] = 1.0;
            cols[1][i] = 1e3 * r.nextGaussian();     // wildly different scales: the column scaling must cope
            cols[2][i] = 1e-3 * r.nextGaussian();
            cols[3][i] = r.nextGaussian();
        }
        return cols;
    }

    @Test
    void ridgeRecoversExactCoefficientsFromNoiselessData() {
        SplittableRandom r = new SplittableRandom(1);
        double[][] cols = design(500, r);
        double[] truth = {0.3, -2e-3, 4e2, 1.5};
        double[] y = new double[500];
        for (int i = 0; i < 500; i++) {
            for (int j = 0; j < 4; j++) {
                y[i] += truth[j] * cols[j][i];
            }
        }
        double[] w = RidgeRegression.fit(cols, y, 0.0);
        for (int j = 0; j < 4; j++) {
            assertEquals(truth[j], w[j], 1e-9 * Math.abs(truth[j]), "coefficient " + j);
        }
    }

    @Test
    void ridgeHandlesCollinearAndZeroColumns() {
        SplittableRandom r = new SplittableRandom(2);
        int n = 200;
        double[] a = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = r.nextGaussian();
            y[i] = 2 * a[i];
        }
        double[][] cols = {a, a.clone(), new double[n]};
        double[] w = RidgeRegression.fit(cols, y, 1e-8);
        assertEquals(2.0, w[0] + w[1], 1e-6);
        assertEquals(0.0, w[2], 0.0);
    }

    @Test
    void stlsqFindsTheTrueSupportUnderNoise() {
        SplittableRandom r = new SplittableRandom(3);
        int n = 2000;
        double[][] cols = new double[6][n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 6; j++) {
                cols[j][i] = r.nextGaussian();
            }
            y[i] = 1.0 * cols[1][i] - 0.5 * cols[4][i] + 0.01 * r.nextGaussian();
        }
        double[] w = SparseRegression.fit(cols, y, 1e-8, 0.05);
        for (int j = 0; j < 6; j++) {
            if (j == 1 || j == 4) {
                assertEquals(j == 1 ? 1.0 : -0.5, w[j], 0.01, "kept coefficient " + j);
            } else {
                assertEquals(0.0, w[j], 0.0, "pruned coefficient " + j);
            }
        }
    }

    @Test
    void badInputIsRejectedWithTheQuantityNamed() {
        assertThrows(IllegalArgumentException.class, () -> RidgeRegression.fit(new double[][] {{1, 2}}, new double[] {1, 2}, -1));
        assertThrows(IllegalArgumentException.class, () -> SparseRegression.fit(new double[][] {{1, 2}}, new double[] {1, 2}, 0, -0.1));
        assertThrows(IllegalArgumentException.class, () -> RidgeRegression.fit(new double[][] {{1, 2, 3}}, new double[] {1, 2}, 0));
    }
}
