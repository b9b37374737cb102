package org.foresight.mpc.mppi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SavitzkyGolayTest {
    @Test
    void nineTapWeightsMatchThePublishedTable() {
        // Savitzky & Golay (1964), quadratic, 9 points: (−21, 14, 39, 54, 59, 54, 39, 14, −21)/231.
        double[] expected = {-21, 14, 39, 54, 59, 54, 39, 14, -21};
        for (int i = 0; i < expected.length; i++) {
            expected[i] /= 231.0;
        }
        assertArrayEquals(expected, new SavitzkyGolay(4).coefficients(), 1e-15);
    }

    @Test
    void quadraticsPassThroughUnchanged() {
        // A quadratic continued into the history is reproduced exactly away from the end padding.
        SavitzkyGolay sg = new SavitzkyGolay(3);
        int n = 20;
        double[] seq = new double[n];
        double[] hist = new double[3];
        for (int t = -3; t < n; t++) {
            double q = 0.3 + 0.1 * t - 0.02 * t * t;
            if (t < 0) {
                hist[t + 3] = q;
            } else {
                seq[t] = q;
            }
        }
        double[] orig = seq.clone();
        sg.smooth(seq, n, hist);
        for (int t = 0; t < n - 3; t++) {
            assertEquals(orig[t], seq[t], 1e-12, "t=" + t);
        }
    }
}
