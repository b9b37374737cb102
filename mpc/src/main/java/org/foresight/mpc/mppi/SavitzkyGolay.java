package org.foresight.mpc.mppi;

/**
 * Savitzky–Golay smoothing (local quadratic least squares, centre value) of a control sequence, the
 * filter Nav2 MPPI applies to its optimal sequence. For a window of 2m+1 points the centre weights are
 * (Savitzky &amp; Golay, Anal. Chem. 36(8), 1964; closed form for orders 2 and 3):
 * <pre>  c_i = (3(3m² + 3m − 1) − 15 i²) / ((2m + 1)(4m² + 4m − 3)),   i = −m … m</pre>
 * (m = 4 gives (−21, 14, 39, 54, 59, 54, 39, 14, −21)/231). The sequence is extended at the front by the
 * controls actually applied before it (so the plan joins smoothly onto the past) and at the end by
 * repeating its last value. Allocation-free after construction; not thread-safe (owns a scratch buffer).
 */
public final class SavitzkyGolay {
    private final int halfWidth;
    private final double[] coeffs;
    private double[] ext = new double[0];

    /** @param halfWidth m ≥ 1: the window is 2m+1 steps. */
    public SavitzkyGolay(int halfWidth) {
        if (halfWidth < 1) {
            throw new IllegalArgumentException("Savitzky-Golay half-width must be >= 1 step, got " + halfWidth);
        }
        this.halfWidth = halfWidth;
        this.coeffs = new double[2 * halfWidth + 1];
        double m = halfWidth;
        double den = (2 * m + 1) * (4 * m * m + 4 * m - 3);
        for (int i = -halfWidth; i <= halfWidth; i++) {
            coeffs[i + halfWidth] = (3 * (3 * m * m + 3 * m - 1) - 15.0 * i * i) / den;
        }
    }

    /** @return m. */
    public int halfWidth() {
        return halfWidth;
    }

    /** @return a copy of the 2m+1 centre weights (they sum to 1). */
    public double[] coefficients() {
        return coeffs.clone();
    }

    /**
     * Smooths {@code seq[0 … len)} in place.
     *
     * @param seq     (Input/Output) the sequence. Modified.
     * @param len     number of entries, ≥ 1.
     * @param history the last m applied values, oldest first (history[m−1] is the most recent). Not modified.
     */
    public void smooth(double[] seq, int len, double[] history) {
        int m = halfWidth;
        if (ext.length < len + 2 * m) {
            ext = new double[len + 2 * m];
        }
        System.arraycopy(history, 0, ext, 0, m);
        System.arraycopy(seq, 0, ext, m, len);
        double last = seq[len - 1];
        for (int i = 0; i < m; i++) {
            ext[m + len + i] = last;
        }
        for (int t = 0; t < len; t++) {
            double acc = 0;
            for (int i = 0; i <= 2 * m; i++) {
                acc += coeffs[i] * ext[t + i];
            }
            seq[t] = acc;
        }
    }
}
