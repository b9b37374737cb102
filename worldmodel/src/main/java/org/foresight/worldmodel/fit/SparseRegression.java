package org.foresight.worldmodel.fit;

/**
 * Sequentially thresholded least squares (STLSQ, Brunton, Proctor &amp; Kutz 2016, "SINDy"): fit by ridge,
 * zero every coefficient whose relative size is below the threshold, refit on the survivors, repeat until
 * the active set stops changing.
 * <pre>
 *   relative size of w_j = |w_j|·rms(φ_j) / rms(y)     (the share of the target's scale feature j carries)
 * </pre>
 * Using the relative size makes one threshold meaningful across outputs and units.
 */
public final class SparseRegression {
    /** Upper bound on threshold-and-refit rounds (STLSQ converges in a few). */
    public static final int MAX_ROUNDS = 20;

    private SparseRegression() {
    }

    /**
     * Fits sparse coefficients.
     *
     * @param columns   design Φ, F columns of N samples. Not modified.
     * @param y         targets, length N. Not modified.
     * @param lambda    relative ridge weight for each refit (see {@link RidgeRegression}), ≥ 0.
     * @param threshold relative size below which a coefficient is zeroed (dimensionless), ≥ 0.
     * @return F coefficients, the pruned ones exactly 0.
     */
    public static double[] fit(double[][] columns, double[] y, double lambda, double threshold) {
        if (columns.length == 0) {
            return new double[0];
        }
        return fit(new LeastSquaresFactor(columns, y), lambda, threshold);
    }

    /**
     * Fits sparse coefficients on an already factored design (cheap: every refit reuses the one QR).
     *
     * @param design    factored design and target. Not modified.
     * @param lambda    relative ridge weight for each refit, ≥ 0.
     * @param threshold relative size below which a coefficient is zeroed (dimensionless), ≥ 0.
     * @return F coefficients, the pruned ones exactly 0.
     */
    public static double[] fit(LeastSquaresFactor design, double lambda, double threshold) {
        if (!(threshold >= 0) || !Double.isFinite(threshold)) {
            throw new IllegalArgumentException("sparsity threshold must be >= 0, got " + threshold);
        }
        int f = design.features();
        double yScale = design.targetRms();
        boolean[] active = new boolean[f];
        java.util.Arrays.fill(active, true);
        double[] w = new double[f];
        for (int round = 0; round < MAX_ROUNDS; round++) {
            w = design.solve(active, lambda);
            boolean changed = false;
            for (int j = 0; j < f; j++) {
                if (active[j] && (yScale == 0 || Math.abs(w[j]) * design.columnRms(j) / yScale < threshold)) {
                    active[j] = false;
                    changed = true;
                }
            }
            if (!changed) {
                return w;
            }
        }
        for (int j = 0; j < f; j++) {
            if (!active[j]) {
                w[j] = 0.0;
            }
        }
        return w;
    }

    static double rms(double[] a) {
        double ss = 0;
        for (double x : a) {
            ss += x * x;
        }
        return a.length == 0 ? 0 : Math.sqrt(ss / a.length);
    }
}
